import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../routes/apiRoutes.js';
import { noteRoutes } from '../testing/noteRoutes.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { patientUser, users } from '../testing/users.js';

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ routes: [...apiRoutes, ...noteRoutes] }); });
afterAll(() => app.close());

const verifiedRequest = { requestReference: 'case-2026-0042', verification: 'in-person-id-check' };

test('only an administrator erases, on a verified request', async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  const erase = async (user: Parameters<TestApp['bearer']>[0], body: object = verifiedRequest) =>
    app.http().post(`/patients/${patientId}/erasure`).set('Authorization', await app.bearer(user)).send(body);
  expect((await erase(users.clinicianAsgard)).status).toBe(403);
  expect((await erase(patientUser(patientId))).status).toBe(403);
  expect((await erase(users.admin, { requestReference: 'Kari Nordmann asked', verification: 'in-person-id-check' })).status).toBe(400);
  expect((await erase(users.admin, { requestReference: 'case-1' })).status).toBe(400);
  expect((await app.http().post(`/patients/${randomUUID()}/erasure`).set('Authorization', await app.bearer(users.admin)).send(verifiedRequest)).status).toBe(404);
});

test('after erasure no API response contains the name, the number, the contact or any free text; nothing else changes', async () => {
  const identity = newIdentity({ givenName: 'Solveig', familyName: 'Erasedottir', contact: { email: 'solveig@example.no', phone: '+47 99 88 77 66' } });
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard', identity);
  const clinician = await app.bearer(users.clinicianAsgard);
  const noteId = randomUUID();
  const noteText = 'Solveig felt the withdrawal worst in week three';
  expect((await app.http().put(`/test/patients/${patientId}/notes/${noteId}`).set('Authorization', clinician).send({ text: noteText })).status).toBe(200);
  expect((await app.http().get(`/test/patients/${patientId}/notes/${noteId}`).set('Authorization', clinician)).body).toEqual({ text: noteText });

  const eventsBefore = await app.eventStore.headPosition();
  const unitsBefore = await app.pool.query('SELECT * FROM patient_units WHERE patient_id = $1', [patientId]);
  const erased = await app.http().post(`/patients/${patientId}/erasure`).set('Authorization', await app.bearer(users.admin)).send(verifiedRequest);
  expect(erased.status).toBe(200);
  expect(erased.body).toEqual({ patientId, outcome: 'erased' });

  const patient = await app.bearer(patientUser(patientId));
  const admin = await app.bearer(users.admin);
  const search = (body: object) => app.http().post('/units/unn-asgard/patients/search').set('Authorization', clinician).send(body);
  const responses = await Promise.all([
    app.http().get(`/patients/${patientId}/identity`).set('Authorization', clinician),
    app.http().get(`/patients/${patientId}/identity`).set('Authorization', patient),
    app.http().get(`/patients/${patientId}/identity`).set('Authorization', admin),
    search({ nationalIdentityNumber: identity.nationalIdentityNumber }),
    search({ name: 'Solveig Erasedottir' }),
    search({ patientId }),
    app.http().get(`/test/patients/${patientId}/notes/${noteId}`).set('Authorization', clinician),
    app.http().get(`/test/patients/${patientId}/notes/${noteId}`).set('Authorization', patient),
    app.http().get(`/patients/${patientId}/access-log`).set('Authorization', patient),
    app.http().post(`/patients/${patientId}/erasure`).set('Authorization', admin).send(verifiedRequest),
  ]);
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
  expect(responses[0]?.body).toEqual({ patientId, erased: true });
  expect(responses[3]?.body).toEqual({ patients: [] });
  expect(responses[6]?.body).toEqual({ text: { erased: true } });
  expect(responses[9]?.body).toEqual({ patientId, outcome: 'already-erased' });
  const everything = responses.map((r) => r.text).join('\n');
  for (const secret of ['Solveig', 'Erasedottir', identity.nationalIdentityNumber, 'solveig@example.no', '99 88 77 66', 'withdrawal']) {
    expect(everything).not.toContain(secret);
  }

  expect(await app.eventStore.headPosition()).toBe(eventsBefore);
  expect((await app.pool.query('SELECT * FROM patient_units WHERE patient_id = $1', [patientId])).rows).toEqual(unitsBefore.rows);
  const writeAfter = await app.http().put(`/test/patients/${patientId}/notes/${randomUUID()}`).set('Authorization', clinician).send({ text: 'new note' });
  expect(writeAfter.status).toBe(409);
  expect(await app.eventStore.headPosition()).toBe(eventsBefore);
});
