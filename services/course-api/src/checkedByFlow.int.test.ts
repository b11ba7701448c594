import { randomUUID } from 'node:crypto';
import { registerPatient } from './testing/patients.js';
import { projectorCaughtUp } from './testing/projectorCaughtUp.js';
import { startTestApp, type TestApp } from './testing/testApp.js';
import { patientUser, users } from './testing/users.js';

/**
 * The path a clinician walks, over HTTP against the real store and the projector's read
 * models: patient, referral, intake, admission, medication above one DDD (refused without
 * a justification), a hyperbolic tapering plan and its first step; then the course, the
 * census and the funnel as the read models answer, and what a patient may see.
 */
const UNIT = 'unn-asgard';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ projector: true });
});
afterAll(() => app.close());

async function command(path: string, body: object, as = users.clinicianAsgard) {
  return app.http().post(path).set('Authorization', await app.bearer(as)).send(body);
}

async function read(path: string, as: Parameters<TestApp['bearer']>[0] = users.clinicianAsgard) {
  if (app.projector) await projectorCaughtUp(app.projector, app.eventStore);
  return app.http().get(path).set('Authorization', await app.bearer(as));
}

test('referral to tapering step, read back by clinician and patient', async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, UNIT);
  const referralId = randomUUID();
  const referral = `/units/${UNIT}/patients/${patientId}/referrals/${referralId}`;
  const course = `/units/${UNIT}/patients/${patientId}/course`;
  const today = app.clock.now().toISOString().slice(0, 10);

  expect((await command(`${referral}/register-referral`, {
    source: 'gp', diagnosisGroup: 'psychosis', patientStatementAttached: true, legalStatus: 'voluntary',
  })).status).toBe(200);
  expect((await command(`${referral}/assess-intake`, { outcome: 'accepted', waitlisted: false })).status).toBe(200);
  expect((await command(`${course}/admit-patient`, { setting: 'earmarked_bed', legalStatus: 'voluntary', referralId })).status).toBe(200);

  // Sertraline's DDD is 50 mg: 100 mg a day needs a recorded justification.
  const medication = { atc: 'N06AB06', dose: 100, unit: 'mg', frequency: { kind: 'daily', timesPerDay: 1 }, formulation: 'tablet', rounding: { strengths: [25, 50] } };
  const unjustified = await command(`${course}/record-medication-in-use`, medication);
  expect(unjustified.status).toBe(422);
  expect(unjustified.body).toMatchObject({ type: 'urn:medfri:problem:domain-rule:dose_above_ddd_requires_justification', code: 'dose_above_ddd_requires_justification' });
  expect((await command(`${course}/record-medication-in-use`, { ...medication, justificationAboveDdd: 'Tried 50 mg for eight weeks' })).status).toBe(200);

  const withMedication = await read(course);
  const medicationId = String(withMedication.body.medications[0].medication_id);
  expect(withMedication.body.medications[0]).toMatchObject({ above_ddd: true, justification_recorded: true });

  expect((await command(`${course}/create-tapering-plan`, {
    medicationId, agreedWithPatient: true, schedule: { kind: 'hyperbolic', startDate: today, intervalDays: 14, percent: 25 },
  })).status).toBe(200);
  const planned = await read(course);
  const planId = String(planned.body.tapering[0].plan_id);
  expect((await command(`${course}/start-tapering-step`, { planId, stepIndex: 1 })).status).toBe(200);

  const full = await read(course);
  expect(full.status).toBe(200);
  expect(full.body.summary).toMatchObject({ admitted: true, medications_in_use: 1, tapering_plans_open: 1 });
  expect(full.body.tapering[0]).toMatchObject({ status: expect.any(String), current_step_index: 1 });
  expect(full.body.timeline.length).toBeGreaterThanOrEqual(5);

  // The patient sees their own course, and the clinician's reads in their access log.
  const asPatient = patientUser(patientId);
  const mine = await read(`/patients/${patientId}/courses`, asPatient);
  expect(mine.body.courses).toEqual([expect.objectContaining({ unit_id: UNIT, course_id: full.body.courseId })]);
  expect((await read(course, asPatient)).status).toBe(200);
  const log = await read(`/patients/${patientId}/access-log`, asPatient);
  expect(log.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ resource: 'course', actor: { subject: 'clinician-asgard', role: 'clinician' } })]));
  // ... but not another patient's, whose existence is not confirmed either.
  const other = await registerPatient(app, users.clinicianAsgard, UNIT);
  expect((await read(`/units/${UNIT}/patients/${other}/course`, asPatient)).status).toBe(403);
  expect((await read(`/patients/${other}/access-log`, asPatient)).status).toBe(403);
  expect((await read(`/patients/${other}/courses`, asPatient)).status).toBe(403);
  // A clinician of another unit cannot read or act on this course.
  expect((await read(course, users.clinicianVegsund)).status).toBe(403);
  expect((await read(`/patients/${patientId}/courses`, users.clinicianVegsund)).status).toBe(403);
  expect((await command(`${course}/start-tapering-step`, { planId, stepIndex: 2 }, users.clinicianVegsund)).status).toBe(403);

  const census = await read(`/units/${UNIT}/census`);
  expect(census.body.unit).toMatchObject({ unit_id: UNIT, admitted: '1' });
  const funnel = await read(`/units/${UNIT}/referral-funnel`);
  expect(funnel.body.months[0]).toMatchObject({ unit_id: UNIT, received: '1', accepted: '1', admitted: '1' });
  expect((await read(`/units/${UNIT}/referral-funnel`, users.researcher)).status).toBe(403);
});
