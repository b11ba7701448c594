import { registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { patientUser, users } from '../testing/users.js';

let app: TestApp;
let patientId: string;
beforeAll(async () => {
  app = await startTestApp();
  patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
});
afterAll(() => app.close());

const readLog = async (user = patientUser(patientId), query = '') =>
  app.http().get(`/patients/${patientId}/access-log${query}`).set('Authorization', await app.bearer(user));
const readIdentity = async (user: Parameters<TestApp['bearer']>[0]) =>
  app.http().get(`/patients/${patientId}/identity`).set('Authorization', await app.bearer(user));

test("reads by clinicians and administrators are logged with who, role, unit, what and when; the patient's own are not", async () => {
  app.clock.set('2026-03-02T10:00:00.000Z');
  expect((await readIdentity(users.clinicianAsgard)).status).toBe(200);
  app.clock.set('2026-03-02T10:05:00.000Z');
  expect((await readIdentity(patientUser(patientId))).status).toBe(200);
  app.clock.set('2026-03-02T10:10:00.000Z');
  expect((await app.http().post('/units/unn-asgard/patients/search').set('Authorization', await app.bearer(users.clinicianAsgard))
    .send({ patientId })).body.patients).toHaveLength(1);
  app.clock.set('2026-03-02T10:15:00.000Z');
  expect((await readIdentity(users.admin)).status).toBe(200);

  const log = await readLog();
  expect(log.status).toBe(200);
  expect(log.body.entries).toEqual([
    { at: '2026-03-02T10:15:00.000Z', actor: { subject: 'admin-1', role: 'admin' }, unitId: null, resource: 'patient.identity' },
    { at: '2026-03-02T10:10:00.000Z', actor: { subject: 'clinician-asgard', role: 'clinician' }, unitId: 'unn-asgard', resource: 'patient.search-result' },
    { at: '2026-03-02T10:00:00.000Z', actor: { subject: 'clinician-asgard', role: 'clinician' }, unitId: 'unn-asgard', resource: 'patient.identity' },
  ]);
  expect((await readLog(patientUser(patientId), '?limit=1')).body.entries).toHaveLength(1);
});

test('refused reads are not logged, because nothing was read', async () => {
  const before = (await readLog()).body.entries.length;
  expect((await readIdentity(users.clinicianVegsund)).status).toBe(403);
  expect((await readIdentity(users.researcher)).status).toBe(403);
  expect((await readLog()).body.entries).toHaveLength(before);
});

test("nobody but the patient reads the patient's access log", async () => {
  const otherPatient = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  for (const user of [users.clinicianAsgard, users.clinicianVegsund, users.admin, users.researcher, patientUser(otherPatient)]) {
    expect((await readLog(user)).status).toBe(403);
  }
});
