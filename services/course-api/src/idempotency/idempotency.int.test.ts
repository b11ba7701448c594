import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../routes/apiRoutes.js';
import { noteRoutes } from '../testing/noteRoutes.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { users } from '../testing/users.js';
import type { TestUser } from '../testing/testIssuer.js';

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ routes: [...apiRoutes, ...noteRoutes] }); });
afterAll(() => app.close());

const count = async (table: string) => (await app.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
const register = async (key: string, body: object, user: TestUser = users.admin) =>
  app.http().post('/patients').set('Authorization', await app.bearer(user)).set('Idempotency-Key', key).send(body);

test('a retry returns the first response unchanged and registers nothing more', async () => {
  const body = { unitId: 'unn-asgard', identity: newIdentity() };
  const key = randomUUID();
  const first = await register(key, body);
  const patients = await count('vault_identities');
  const retry = await register(key, body);
  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.body).toEqual(first.body);
  expect(retry.headers.location).toBe(first.headers.location);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(first.headers['idempotent-replayed']).toBeUndefined();
  expect(await count('vault_identities')).toBe(patients);
});

test('the same key with another body is refused (422) and writes nothing', async () => {
  const key = randomUUID();
  await register(key, { unitId: 'unn-asgard', identity: newIdentity() });
  const before = [await count('vault_identities'), await count('idempotency_keys')];
  const other = await register(key, { unitId: 'unn-asgard', identity: newIdentity() });
  expect(other.status).toBe(422);
  expect([await count('vault_identities'), await count('idempotency_keys')]).toEqual(before);
});

test('keys are scoped per principal', async () => {
  const key = randomUUID();
  expect((await register(key, { unitId: 'unn-asgard', identity: newIdentity() }, users.admin)).status).toBe(201);
  expect((await register(key, { unitId: 'unn-asgard', identity: newIdentity() }, users.clinicianAsgard)).status).toBe(201);
});

test('concurrent duplicates run once: the others replay or are told it is in progress', async () => {
  const body = { unitId: 'unn-asgard', identity: newIdentity() };
  const key = randomUUID();
  const before = await count('vault_identities');
  const responses = await Promise.all(Array.from({ length: 6 }, () => register(key, body)));
  expect(await count('vault_identities')).toBe(before + 1);
  const created = responses.filter((r) => r.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(1);
  expect(new Set(created.map((r) => r.body.patientId)).size).toBe(1);
  for (const response of responses.filter((r) => r.status !== 201)) {
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('urn:medfri:problem:idempotency-key-in-use');
  }
  expect((await register(key, body)).body).toEqual(created[0]?.body);
});

test('a refused request releases its key: nothing stays behind', async () => {
  const identity = newIdentity();
  await registerPatient(app, users.admin, 'unn-asgard', identity);
  const before = await count('idempotency_keys');
  expect((await register(randomUUID(), { unitId: 'unn-asgard', identity })).status).toBe(409);
  expect(await count('idempotency_keys')).toBe(before);
});

test('a claim left by a crashed process is taken over after a minute; the re-run mints the same patient id', async () => {
  const body = { unitId: 'unn-asgard', identity: newIdentity() };
  const key = randomUUID();
  const first = await register(key, body);
  // As if the process died after registering but before storing the response.
  await app.pool.query('UPDATE idempotency_keys SET completed_at = NULL, response = NULL WHERE key = $1', [key]);
  const patients = await count('vault_identities');
  const stillRunning = await register(key, body);
  expect(stillRunning.status).toBe(409);
  app.clock.advance(61_000);
  const rerun = await register(key, body);
  expect(rerun.status).toBe(201);
  expect(rerun.body).toEqual(first.body);
  expect(await count('vault_identities')).toBe(patients);
});

test('a retried command appends its events once', async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  const url = `/test/patients/${patientId}/notes/${randomUUID()}`;
  const key = randomUUID();
  const write = async () => app.http().put(url).set('Authorization', await app.bearer(users.clinicianAsgard)).set('Idempotency-Key', key).send({ text: 'A calm day' });
  const first = await write();
  const head = await app.eventStore.headPosition();
  const retry = await write();
  expect(retry.status).toBe(200);
  expect(retry.headers.etag).toBe(first.headers.etag);
  expect(await app.eventStore.headPosition()).toBe(head);
});

test('a malformed key is a validation problem; reads ignore the header', async () => {
  const response = await register('', { unitId: 'unn-asgard', identity: newIdentity() });
  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([{ path: 'header.idempotency-key', message: expect.any(String) }]);
  const read = await app.http().post('/units/unn-asgard/patients/search').set('Authorization', await app.bearer(users.clinicianAsgard))
    .set('Idempotency-Key', randomUUID()).send({ name: 'Kari' });
  expect(read.status).toBe(200);
});
