import type { PreparedStatement, Statement } from '@medfri/sql-batch';
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
 * Reads the latest `$3` entries of a course's timeline (patient `$1`, course `$2`), newest
 * first, before position `$4` when `older`: with a limit on the index (patient_id,
 * position), so the answer stays a page however long the course. (How far PostgreSQL
 * reads to pick the page: README, Queries.)
 */
const timelinePageText = (older: boolean) => `SELECT * FROM read_models.timeline_entries
     WHERE patient_id = $1 AND course_id = $2${older ? ' AND position < $4' : ''}
     ORDER BY position DESC LIMIT $3`;

/** The course read's latest page, prepared once per connection (see readCourse). */
export const latestTimelinePage: PreparedStatement = { name: 'timeline', text: timelinePageText(false) };

/** Values of latestTimelinePage; one row more than the page tells whether older entries exist, without counting them. */
export const latestTimelinePageValues = (course: { patientId: string; courseId: string }, limit: number) => [course.patientId, course.courseId, limit + 1];

/** The page of `limit` entries before `before` (the latest when undefined), newest first, one more than the page. */
export function timelinePageStatement(course: { patientId: string; courseId: string }, before: number | undefined, limit: number): Statement {
  const values = latestTimelinePageValues(course, limit);
  return before === undefined ? { text: latestTimelinePage.text, values } : { text: timelinePageText(true), values: [...values, before] };
}

/** The page, oldest first, from what timelinePageStatement read. */
export function toTimelinePage(newestFirst: readonly Row[], limit: number): TimelinePage {
  const timeline = newestFirst.slice(0, limit).reverse();
  const oldest = timeline[0];
  return { timeline, timelinePage: { olderBefore: newestFirst.length > limit && oldest ? Number(oldest.position) : null } };
}
