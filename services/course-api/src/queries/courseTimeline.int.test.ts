import { randomUUID } from 'node:crypto';
import { courseIdOf } from '../commands/courseIds.js';
import { registerPatient } from '../testing/patients.js';
import { projectorCaughtUp } from '../testing/projectorCaughtUp.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import type { TestUser } from '../testing/testIssuer.js';
import { patientUser, users } from '../testing/users.js';

/**
 * The course read returns the latest page of the timeline and where it continues; the
 * timeline route walks the rest back. Entries of the same patient's course at another unit
 * are interleaved with this course's, so a page that mixed courses would show.
 */
const UNIT = 'unn-asgard';
const OTHER_UNIT = 'vegsund-dps';
const EXPERIENCES = 120;

let app: TestApp;
let patientId: string;
let course: string;
/** Positions of the course's entries as the read model has them, oldest first. */
let allPositions: string[];

interface TimelineBody {
  timeline: { position: string; course_id: string }[];
  timelinePage: { olderBefore: number | null };
}

async function admit(unitId: string, by: TestUser): Promise<string> {
  const referralId = randomUUID();
  const path = `/units/${unitId}/patients/${patientId}`;
  const steps: [string, object][] = [
    [`${path}/referrals/${referralId}/register-referral`, { source: 'specialist', diagnosisGroup: 'depression', patientStatementAttached: true, legalStatus: 'voluntary' }],
    [`${path}/referrals/${referralId}/assess-intake`, { outcome: 'accepted', waitlisted: false }],
    [`${path}/course/admit-patient`, { setting: 'earmarked_bed', legalStatus: 'voluntary', referralId }],
  ];
  for (const [url, body] of steps) {
    const response = await app.http().post(url).set('Authorization', await app.bearer(by)).send(body);
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return `${path}/course`;
}

async function get(url: string, as: TestUser = users.clinicianAsgard) {
  return app.http().get(url).set('Authorization', await app.bearer(as));
}

beforeAll(async () => {
  app = await startTestApp({ projector: true });
  patientId = await registerPatient(app, users.clinicianAsgard, UNIT);
  course = await admit(UNIT, users.clinicianAsgard);
  const otherCourse = await admit(OTHER_UNIT, users.clinicianVegsund);
  const asPatient = await app.bearer(patientUser(patientId));
  for (let index = 0; index < EXPERIENCES; index += 1) {
    const target = index % 4 === 3 ? otherCourse : course;
    const response = await app.http().post(`${target}/record-patient-experience`).set('Authorization', asPatient).send({ mood: index % 11 });
    if (response.status !== 200) throw new Error(`experience ${index}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  if (app.projector) await projectorCaughtUp(app.projector, app.eventStore);
  const stored = await app.pool.query<{ position: string }>(
    'SELECT position FROM read_models.timeline_entries WHERE course_id = $1 ORDER BY position', [courseIdOf(patientId, UNIT)]);
  allPositions = stored.rows.map((row) => row.position);
}, 60_000);
afterAll(() => app.close());

test('the course read gives the latest 50 entries, oldest first, and where older ones continue', async () => {
  expect(allPositions.length).toBeGreaterThan(50);
  const response = await get(course);
  expect(response.status).toBe(200);
  const body = response.body as TimelineBody;
  expect(body.timeline.map((entry) => entry.position)).toEqual(allPositions.slice(-50));
  expect(body.timelinePage).toEqual({ olderBefore: Number(allPositions.at(-50)) });
  // A read model records no stream revision: no ETag a client could take for an If-Match.
  expect(response.headers.etag).toBeUndefined();
});

test('following the continuation walks every entry of the course once, in order', async () => {
  const first = (await get(course)).body as TimelineBody;
  const pages: string[][] = [first.timeline.map((entry) => entry.position)];
  let olderBefore = first.timelinePage.olderBefore;
  while (olderBefore !== null) {
    const response = await get(`${course}/timeline?before=${olderBefore}&limit=17`);
    expect(response.status).toBe(200);
    const page = response.body as TimelineBody;
    expect(page.timeline.length).toBeGreaterThan(0);
    expect(page.timeline.length).toBeLessThanOrEqual(17);
    expect(new Set(page.timeline.map((entry) => entry.course_id))).toEqual(new Set([first.timeline[0]?.course_id]));
    pages.unshift(page.timeline.map((entry) => entry.position));
    olderBefore = page.timelinePage.olderBefore;
  }
  expect(pages.flat()).toEqual(allPositions);
});

test('without `before` the timeline route gives the latest page; a page that reaches the first entry says so', async () => {
  const latest = (await get(`${course}/timeline`)).body as TimelineBody;
  expect(latest.timeline.map((entry) => entry.position)).toEqual(allPositions.slice(-50));
  const whole = (await get(`${course}/timeline?limit=200`)).body as TimelineBody;
  expect(whole.timeline.map((entry) => entry.position)).toEqual(allPositions);
  expect(whole.timelinePage).toEqual({ olderBefore: null });
  const oldest = (await get(`${course}/timeline?before=${allPositions[1]}`)).body as TimelineBody;
  expect(oldest).toEqual({ timeline: [expect.objectContaining({ position: allPositions[0] })], timelinePage: { olderBefore: null } });
});

test.each(['limit=0', 'limit=201', 'limit=ten', 'before=1.5', 'before=abc', 'before=0', 'after=3'])('?%s is a 400', async (query) => {
  const response = await get(`${course}/timeline?${query}`);
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.type).toBe('urn:medfri:problem:validation');
});

test('another patient and a clinician of another unit are refused', async () => {
  const otherPatient = await registerPatient(app, users.clinicianAsgard, UNIT);
  expect((await get(`${course}/timeline`, patientUser(otherPatient))).status).toBe(403);
  expect((await get(`/units/${UNIT}/patients/${otherPatient}/course/timeline`, patientUser(patientId))).status).toBe(403);
  expect((await get(`/units/${UNIT}/patients/${patientId}/course/timeline`, users.clinicianVegsund)).status).toBe(403);
});

test("a clinician's read of the timeline is in the access log, the patient's own is not", async () => {
  const accessLog = async () => ((await get(`/patients/${patientId}/access-log?limit=500`, patientUser(patientId))).body as { entries: { resource: string; actor: { subject: string } }[] }).entries;
  const before = await accessLog();
  expect((await get(`${course}/timeline`, patientUser(patientId))).status).toBe(200);
  expect(await accessLog()).toEqual(before);
  expect((await get(`${course}/timeline?before=${allPositions[10]}`)).status).toBe(200);
  const after = await accessLog();
  expect(after).toHaveLength(before.length + 1);
  expect(after[0]).toMatchObject({ resource: 'course.timeline', actor: { subject: 'clinician-asgard' }, unitId: UNIT });
});

test('the OpenAPI document has the route, its parameters and the continuation', async () => {
  const document = (await app.http().get('/openapi.json')).body;
  const operation = document.paths['/units/{unitId}/patients/{patientId}/course/timeline'].get;
  expect(operation.operationId).toBe('readCourseTimeline');
  expect(operation.parameters).toEqual([
    expect.objectContaining({ name: 'unitId', in: 'path' }),
    expect.objectContaining({ name: 'patientId', in: 'path' }),
    expect.objectContaining({ name: 'before', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer', minimum: 1 }) }),
    expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ maximum: 200, default: 50 }) }),
  ]);
  for (const path of ['/units/{unitId}/patients/{patientId}/course', '/units/{unitId}/patients/{patientId}/course/timeline']) {
    const schema = document.paths[path].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.timelinePage.properties.olderBefore).toMatchObject({ description: expect.stringContaining('next older page') });
  }
});
