import { makeNationalIdentityNumber } from '../vault/nationalIdentityNumberGenerator.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { patientUser, users } from '../testing/users.js';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

test('a clinician registers a patient at their unit; the identity reads back with the derived birth date', async () => {
  const identity = newIdentity({ givenName: 'Åse Marie', contact: { email: 'ase@example.no' } });
  const response = await app.http().post('/patients').set('Authorization', await app.bearer(users.clinicianAsgard))
    .send({ unitId: 'unn-asgard', identity });
  expect(response.status).toBe(201);
  const { patientId } = response.body as { patientId: string };
  expect(response.headers.location).toBe(`/patients/${patientId}/identity`);

  const read = await app.http().get(`/patients/${patientId}/identity`).set('Authorization', await app.bearer(users.clinicianAsgard));
  expect(read.status).toBe(200);
  expect(read.body).toEqual({
    patientId,
    erased: false,
    givenName: 'Åse Marie',
    familyName: identity.familyName,
    nationalIdentityNumber: identity.nationalIdentityNumber,
    birthDate: '1950-01-01',
    contact: { email: 'ase@example.no' },
  });
});

test('the identity is stored encrypted: no table holds the name or the number in the clear', async () => {
  const identity = newIdentity({ givenName: 'Plaintextprobe' });
  await registerPatient(app, users.clinicianAsgard, 'unn-asgard', identity);
  const dump = await app.pool.query<{ row: string }>(`
    SELECT row_to_json(t)::text AS row FROM vault_identities t UNION ALL SELECT row_to_json(t)::text FROM vault_blind_index t
    UNION ALL SELECT row_to_json(t)::text FROM vault_patient_keys t UNION ALL SELECT row_to_json(t)::text FROM patient_units t`);
  const text = dump.rows.map((r) => r.row).join('\n');
  expect(text).not.toMatch(/plaintextprobe/i);
  expect(text).not.toContain(identity.nationalIdentityNumber);
});

test('a second registration of the same identity number is a conflict and writes nothing', async () => {
  const identity = newIdentity();
  await registerPatient(app, users.clinicianAsgard, 'unn-asgard', identity);
  const before = await app.pool.query('SELECT count(*)::int AS n FROM vault_identities');
  const again = await app.http().post('/patients').set('Authorization', await app.bearer(users.clinicianVegsund))
    .send({ unitId: 'vegsund-dps', identity: { ...identity, givenName: 'Other' } });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ type: 'urn:medfri:problem:conflict', status: 409 });
  expect((await app.pool.query('SELECT count(*)::int AS n FROM vault_identities')).rows).toEqual(before.rows);
});

test('a birth date after today (the injected clock) is refused', async () => {
  app.clock.set('2026-03-02T09:00:00Z');
  const identity = newIdentity({ nationalIdentityNumber: makeNationalIdentityNumber('2026-03-03') });
  const response = await app.http().post('/patients').set('Authorization', await app.bearer(users.admin)).send({ unitId: 'unn-asgard', identity });
  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([{ path: 'body.identity.nationalIdentityNumber', message: 'encodes a birth date in the future' }]);
});

describe('search within a unit', () => {
  let asgardPatient: string;
  let vegsundPatient: string;
  const asgardIdentity = newIdentity({ givenName: 'Ingrid Sofie', familyName: 'Ødegård' });
  const vegsundIdentity = newIdentity({ givenName: 'Ingrid', familyName: 'Ødegård' });

  beforeAll(async () => {
    asgardPatient = await registerPatient(app, users.clinicianAsgard, 'unn-asgard', asgardIdentity);
    vegsundPatient = await registerPatient(app, users.clinicianVegsund, 'vegsund-dps', vegsundIdentity);
  });

  const search = async (body: object, unitId = 'unn-asgard', user = users.clinicianAsgard) =>
    app.http().post(`/units/${unitId}/patients/search`).set('Authorization', await app.bearer(user)).send(body);

  test('by identity number, by every word of the name (any case and accents), or by id', async () => {
    const expected = { patients: [{ patientId: asgardPatient, givenName: 'Ingrid Sofie', familyName: 'Ødegård', birthDate: expect.any(String) }] };
    expect((await search({ nationalIdentityNumber: asgardIdentity.nationalIdentityNumber })).body).toEqual(expected);
    expect((await search({ name: 'ødegard INGRID' })).body).toEqual(expected);
    expect((await search({ patientId: asgardPatient })).body).toEqual(expected);
    expect((await search({ name: 'Ingrid Nobody' })).body).toEqual({ patients: [] });
  });

  test("never finds patients outside the unit", async () => {
    expect((await search({ nationalIdentityNumber: vegsundIdentity.nationalIdentityNumber })).body).toEqual({ patients: [] });
    expect((await search({ patientId: vegsundPatient })).body).toEqual({ patients: [] });
    const names = (await search({ name: 'Ingrid Ødegård' })).body as { patients: { patientId: string }[] };
    expect(names.patients.map((p) => p.patientId)).toEqual([asgardPatient]);
  });

  test('exactly one criterion', async () => {
    const response = await search({ name: 'Ingrid', patientId: asgardPatient });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body', message: 'give exactly one of nationalIdentityNumber, name or patientId' }]);
  });

  test('a clinician of another unit may not search this one', async () => {
    expect((await search({ name: 'Ingrid' }, 'unn-asgard', users.clinicianVegsund)).status).toBe(403);
  });
});

test('a patient reads their own identity', async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  const response = await app.http().get(`/patients/${patientId}/identity`).set('Authorization', await app.bearer(patientUser(patientId)));
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ patientId, erased: false });
});
