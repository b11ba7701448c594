import { PreparedStatements, type PreparedStatement } from '@medfri/sql-batch';
import { z } from 'zod';
import type { PolicyBuilder } from '../auth/policy.js';
import { courseIdOf } from '../commands/courseIds.js';
import { coursePathParams as courseParams, patientPathParams, unitPathParams as unitParams } from '../http/pathParams.js';
import { defineRoute } from '../http/route.js';
import { rows } from './readModels.js';
import { latestTimelinePage, latestTimelinePageValues, TIMELINE_PAGE_MAX, TIMELINE_PAGE_SIZE, timelinePageFields, timelinePageStatement, toTimelinePage } from './timelinePage.js';

const rowsSchema = z.array(z.record(z.string(), z.unknown()));

/** The readers of a course, for the course read and its older timeline pages alike. */
const courseReaders = <I extends { params: z.output<typeof courseParams> }>(can: PolicyBuilder<I>) =>
  can.anyOf(can.clinicianOfUnit(({ params }) => params.unitId), can.patientSelf(({ params }) => params.patientId));

/** The course read's statements: `$1` is the course. */
const courseReads = {
  summary: { name: 'summary', text: 'SELECT * FROM read_models.course_summaries WHERE course_id = $1' },
  medications: { name: 'medications', text: 'SELECT * FROM read_models.medication_action_points WHERE course_id = $1 ORDER BY medication_id' },
  tapering: { name: 'tapering', text: 'SELECT * FROM read_models.tapering_progress WHERE course_id = $1 ORDER BY created_at' },
  taperingSteps: { name: 'tapering_steps', text: 'SELECT * FROM read_models.tapering_steps WHERE course_id = $1 ORDER BY plan_id, step_index' },
} satisfies Record<string, PreparedStatement>;

// Planning these costs PostgreSQL more than running them: planned once per connection.
const courseRead = new PreparedStatements('course_read', [...Object.values(courseReads), latestTimelinePage]);

/**
 * A course from the read models: summary, medications in use with their action points,
 * tapering progress and planned steps, and the latest page of the timeline (older pages:
 * readCourseTimeline). Before the projector has seen the course, `summary` is null and the
 * lists are empty (the course may not exist, or may be seconds old: the read models are
 * eventually consistent).
 */
export const readCourse = defineRoute({
  operationId: 'readCourse',
  method: 'get',
  path: '/units/:unitId/patients/:patientId/course',
  summary: "A patient's course at a unit",
  description: `The timeline holds the course's latest ${TIMELINE_PAGE_SIZE} entries; \`timelinePage.olderBefore\` says where GET …/course/timeline continues.`,
  tags: ['Queries'],
  params: courseParams,
  response: {
    status: 200,
    description: 'The course as the read models have it',
    schema: z.object({ courseId: z.uuid(), summary: z.record(z.string(), z.unknown()).nullable(), medications: rowsSchema, tapering: rowsSchema, taperingSteps: rowsSchema, ...timelinePageFields }),
  },
  policy: courseReaders,
  accessLog: { resource: 'course', patients: ({ params }) => [params.patientId] },
  async handler({ input: { params }, services: { pool } }) {
    const courseId = courseIdOf(params.patientId, params.unitId);
    // One round trip for the five reads.
    const [summary = [], medications = [], tapering = [], taperingSteps = [], newestFirst = []] = await courseRead.query(pool, [
      ...Object.values(courseReads).map((statement) => ({ statement, values: [courseId] })),
      { statement: latestTimelinePage, values: latestTimelinePageValues({ patientId: params.patientId, courseId }, TIMELINE_PAGE_SIZE) },
    ]);
    const timeline = toTimelinePage(newestFirst, TIMELINE_PAGE_SIZE);
    return { body: { courseId, summary: summary[0] ?? null, medications, tapering, taperingSteps, ...timeline } };
  },
});

/** Older pages of a course's timeline: where the course read's `timelinePage.olderBefore` continues. */
export const readCourseTimeline = defineRoute({
  operationId: 'readCourseTimeline',
  method: 'get',
  path: '/units/:unitId/patients/:patientId/course/timeline',
  summary: "A page of a patient's course timeline",
  description: 'The latest `limit` entries before position `before` (without it, the latest of all), oldest first. '
    + 'Follow `timelinePage.olderBefore` as the next `before` until it is null to walk the whole timeline back, each entry once.',
  tags: ['Queries'],
  params: courseParams,
  query: z.strictObject({
    before: z.coerce.number().int().min(1).optional().describe('Only entries at positions below this one: the `olderBefore` of the page read before'),
    limit: z.coerce.number().int().min(1).max(TIMELINE_PAGE_MAX).default(TIMELINE_PAGE_SIZE),
  }),
  response: { status: 200, description: 'Oldest first', schema: z.object(timelinePageFields) },
  policy: courseReaders,
  accessLog: { resource: 'course.timeline', patients: ({ params }) => [params.patientId] },
  async handler({ input: { params, query }, services: { pool } }) {
    const course = { patientId: params.patientId, courseId: courseIdOf(params.patientId, params.unitId) };
    const page = timelinePageStatement(course, query.before, query.limit);
    return { body: toTimelinePage(await rows(pool, page.text, page.values ?? []), query.limit) };
  },
});

/**
 * Where a patient has a course: for the patient, every unit (so they can open each course);
 * for a clinician, the courses at their own units only.
 */
export const readPatientCourses = defineRoute({
  operationId: 'readPatientCourses',
  method: 'get',
  path: '/patients/:patientId/courses',
  summary: "A patient's courses, one per unit",
  tags: ['Queries'],
  params: patientPathParams,
  response: { status: 200, description: 'Most recently admitted first', schema: z.object({ courses: rowsSchema }) },
  policy: (can) => can.anyOf(can.patientSelf(({ params }) => params.patientId), can.clinicianOfPatient(({ params }) => params.patientId)),
  accessLog: { resource: 'courses', patients: ({ params }) => [params.patientId] },
  async handler({ input: { params }, principal, services: { pool } }) {
    const units = principal.role === 'clinician' ? principal.units : null;
    const courses = await rows(pool,
      `SELECT * FROM read_models.course_summaries WHERE patient_id = $1 AND ($2::text[] IS NULL OR unit_id = ANY($2))
       ORDER BY first_admitted_at DESC NULLS LAST, unit_id`, [params.patientId, units]);
    return { body: { courses } };
  },
});

/** Census and course figures of a unit: no patient is named, so nothing is access-logged. */
export const readUnitCensus = defineRoute({
  operationId: 'readUnitCensus',
  method: 'get',
  path: '/units/:unitId/census',
  summary: "A unit's census per day and its course figures",
  tags: ['Queries'],
  params: unitParams,
  query: z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) }),
  response: { status: 200, description: 'Newest day first', schema: z.object({ unit: z.record(z.string(), z.unknown()).nullable(), days: rowsSchema }) },
  policy: (can) => can.anyOf(can.clinicianOfUnit(({ params }) => params.unitId), can.admin),
  async handler({ input: { params, query }, services: { pool } }) {
    const [unit, days] = await Promise.all([
      rows(pool, 'SELECT * FROM read_models.unit_course_summary WHERE unit_id = $1', [params.unitId]),
      rows(pool, 'SELECT * FROM read_models.unit_census_daily WHERE unit_id = $1 ORDER BY day DESC LIMIT $2', [params.unitId, query.days]),
    ]);
    return { body: { unit: unit[0] ?? null, days } };
  },
});

export const readReferralFunnel = defineRoute({
  operationId: 'readReferralFunnel',
  method: 'get',
  path: '/units/:unitId/referral-funnel',
  summary: "A unit's referrals per month: received, accepted, rejected, admitted",
  tags: ['Queries'],
  params: unitParams,
  response: { status: 200, description: 'Newest month first', schema: z.object({ months: rowsSchema }) },
  policy: (can) => can.anyOf(can.clinicianOfUnit(({ params }) => params.unitId), can.admin),
  async handler({ input: { params }, services: { pool } }) {
    return { body: { months: await rows(pool, 'SELECT * FROM read_models.referral_funnel WHERE unit_id = $1 ORDER BY period DESC', [params.unitId]) } };
  },
});

export const queryRoutes = [readCourse, readCourseTimeline, readPatientCourses, readUnitCensus, readReferralFunnel];
