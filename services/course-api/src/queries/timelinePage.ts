import type { Statement } from '@medfri/sql-batch';
import { z } from 'zod';
import type { Row } from './readModels.js';

/** Entries a course read returns, and the timeline route's default page. */
export const TIMELINE_PAGE_SIZE = 50;
/** The largest page the timeline route gives. */
export const TIMELINE_PAGE_MAX = 200;

/** The timeline part of a response: the same fields from the course read and the timeline route. */
export const timelinePageFields = {
  timeline: z.array(z.record(z.string(), z.unknown()))
    .describe('Timeline entries, oldest first: the latest page of them (on the timeline route, of those before `before`)'),
  timelinePage: z.object({
    olderBefore: z.number().int().positive().nullable()
      .describe('The position to pass as `before` to GET …/course/timeline for the next older page; null when this page reaches the first entry'),
  }).describe('Where the timeline continues'),
};

export interface TimelinePage {
  timeline: Row[];
  timelinePage: { olderBefore: number | null };
}

/**
 * The statement reading the latest `limit` entries of a course's timeline before `before`
 * (of all when undefined), newest first, one more than the page: with a limit on the
 * index (patient_id, position), so the answer stays a page however long the course, and
 * the extra row tells whether older entries exist without counting them. (How far
 * PostgreSQL reads to pick the page: README, Queries.)
 */
export function timelinePageStatement(course: { patientId: string; courseId: string }, before: number | undefined, limit: number): Statement {
  // One statement for both cases: the values are planned with it, so a null `before`
  // drops its condition and a given one bounds the index scan.
  return {
    text: `SELECT * FROM read_models.timeline_entries
     WHERE patient_id = $1 AND course_id = $2 AND ($3::bigint IS NULL OR position < $3)
     ORDER BY position DESC LIMIT $4`,
    values: [course.patientId, course.courseId, before ?? null, limit + 1],
  };
}

/** The page, oldest first, from what timelinePageStatement read. */
export function toTimelinePage(newestFirst: readonly Row[], limit: number): TimelinePage {
  const timeline = newestFirst.slice(0, limit).reverse();
  const oldest = timeline[0];
  return { timeline, timelinePage: { olderBefore: newestFirst.length > limit && oldest ? Number(oldest.position) : null } };
}
