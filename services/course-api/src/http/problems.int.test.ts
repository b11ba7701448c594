import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { apiRoutes } from '../routes/apiRoutes.js';
import { noteRoutes } from '../testing/noteRoutes.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { users } from '../testing/users.js';

let app: TestApp;
let patientId: string;
beforeAll(async () => {
  app = await startTestApp({ routes: [...apiRoutes, ...noteRoutes], env: { MEDFRI_BODY_LIMIT_BYTES: '4096' } });
  patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
});
afterAll(() => app.close());

/** Every problem has the RFC 9457 members, a stable type, and names the request in `instance`. */
function expectProblem(response: Response, status: number, kind: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: kind.startsWith('urn:') ? kind : `urn:medfri:problem:${kind}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: `urn:uuid:${response.headers['x-request-id']}`,
  });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

const noteUrl = (noteId: string) => `/test/patients/${patientId}/notes/${noteId}`;

test('400 lists every invalid field with its path', async () => {
  const response = await app.http().post('/patients').set('Authorization', await app.bearer(users.admin))
    .send({ unitId: 'Not A Unit', identity: { givenName: '', familyName: 'X', nationalIdentityNumber: '12345678901', extra: 1 } });
  expectProblem(response, 400, 'validation');
  expect(response.body.errors).toEqual(expect.arrayContaining([
    { path: 'body.unitId', message: expect.any(String) },
    { path: 'body.identity.givenName', message: expect.any(String) },
    { path: 'body.identity.nationalIdentityNumber', message: 'check digits do not match' },
    { path: 'body.identity', message: expect.stringContaining('extra') },
  ]));
});

test('400 for a body that is not JSON, and for a malformed path parameter', async () => {
  const bearer = await app.bearer(users.admin);
  expectProblem(await app.http().post('/patients').set('Authorization', bearer).set('Content-Type', 'application/json').send('{"unitId": '), 400, 'malformed-request');
  const badId = await app.http().get('/patients/not-a-uuid/identity').set('Authorization', bearer);
  expectProblem(badId, 400, 'validation');
  expect(badId.body.errors).toEqual([{ path: 'params.patientId', message: expect.any(String) }]);
});

test('400, never a 500, for text PostgreSQL cannot store: a NUL in a path or in a body', async () => {
  const bearer = await app.bearer(users.admin);
  const inPath = await app.http().get('/units/%00/referral-funnel').set('Authorization', bearer);
  expectProblem(inPath, 400, 'validation');
  expect(inPath.body.errors).toEqual([{ path: 'params.unitId', message: expect.any(String) }]);
  const inBody = await app.http().post('/units/unn-asgard/patients/search').set('Authorization', await app.bearer(users.clinicianAsgard)).send({ name: 'Ka\u0000ri' });
  expectProblem(inBody, 400, 'validation');
  expect(inBody.body.errors).toEqual([{ path: 'body.name', message: 'Must not contain a NUL character' }]);
});

test('401 without a token, with a challenge', async () => {
  const response = await app.http().get(`/patients/${patientId}/identity`);
  expectProblem(response, 401, 'unauthenticated');
  expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
});

test('403 when the role, unit or patient does not fit, the same whether or not the patient exists', async () => {
  const search = await app.http().post('/units/unn-asgard/patients/search').set('Authorization', await app.bearer(users.clinicianVegsund)).send({ name: 'Kari' });
  expectProblem(search, 403, 'forbidden');
  const bearer = await app.bearer(users.clinicianVegsund);
  const identity = await app.http().get(`/patients/${patientId}/identity`).set('Authorization', bearer);
  expectProblem(identity, 403, 'forbidden');
  const unknown = await app.http().get(`/patients/${randomUUID()}/identity`).set('Authorization', bearer);
  expect(unknown.body).toEqual({ ...identity.body, instance: unknown.body.instance });
});

test('404 for an unknown path', async () => {
  expectProblem(await app.http().get('/no/such/thing'), 404, 'not-found');
});

test('409 with the current revision when If-Match is stale; the ETag of a write is the next If-Match', async () => {
  const bearer = await app.bearer(users.clinicianAsgard);
  const url = noteUrl(randomUUID());
  const first = await app.http().put(url).set('Authorization', bearer).send({ text: 'Slept well' });
  expect(first.status).toBe(200);
  expect(first.headers.etag).toBe('"0"');
  const second = await app.http().put(url).set('Authorization', bearer).set('If-Match', first.headers.etag ?? '').send({ text: 'Slept badly' });
  expect(second.headers.etag).toBe('"1"');
  const stale = await app.http().put(url).set('Authorization', bearer).set('If-Match', '"0"').send({ text: 'Late edit' });
  expectProblem(stale, 409, 'revision-conflict');
  expect(stale.body.currentRevision).toBe(1);
  const read = await app.http().get(url).set('Authorization', bearer);
  expect(read.headers.etag).toBe('"1"');
  expect(read.body).toEqual({ text: 'Slept badly' });
});

test('409 when the identity number is already registered', async () => {
  const identity = newIdentity();
  await registerPatient(app, users.admin, 'unn-asgard', identity);
  const again = await app.http().post('/patients').set('Authorization', await app.bearer(users.admin)).send({ unitId: 'unn-asgard', identity });
  expectProblem(again, 409, 'conflict');
});

test('428 when a route needs If-Match and none is sent; with it the write goes through', async () => {
  const bearer = await app.bearer(users.clinicianAsgard);
  const noteId = randomUUID();
  const written = await app.http().put(noteUrl(noteId)).set('Authorization', bearer).send({ text: 'Slept well' });
  const correct = () => app.http().post(`${noteUrl(noteId)}/corrections`).set('Authorization', bearer);
  expectProblem(await correct().send({ text: 'Slept badly' }), 428, 'precondition-required');
  expect((await correct().set('If-Match', written.headers.etag ?? '').send({ text: 'Slept badly' })).headers.etag).toBe('"1"');
});

test('413 for a body over the limit', async () => {
  const response = await app.http().post('/patients').set('Authorization', await app.bearer(users.admin))
    .send({ unitId: 'unn-asgard', identity: { ...newIdentity(), givenName: 'x'.repeat(5000) } });
  expectProblem(response, 413, 'payload-too-large');
});

test('422 for a domain rule, with its code in the type', async () => {
  const response = await app.http().put(noteUrl(randomUUID())).set('Authorization', await app.bearer(users.admin)).send({ text: 'forbidden words' });
  expectProblem(response, 422, 'urn:medfri:problem:domain-rule:note-refused');
  expect(response.body).toMatchObject({ code: 'note-refused', detail: 'This note cannot be recorded' });
});

test('422 when an idempotency key is reused for another request', async () => {
  const bearer = await app.bearer(users.admin);
  const key = randomUUID();
  expect((await app.http().post('/patients').set('Authorization', bearer).set('Idempotency-Key', key).send({ unitId: 'unn-asgard', identity: newIdentity() })).status).toBe(201);
  const reused = await app.http().post('/patients').set('Authorization', bearer).set('Idempotency-Key', key).send({ unitId: 'unn-asgard', identity: newIdentity() });
  expectProblem(reused, 422, 'idempotency-key-reused');
});

test('500 says nothing about the error', async () => {
  const response = await app.http().post('/test/crash').set('Authorization', await app.bearer(users.admin)).send({ secret: 'Kari Nordmann 01010750160' });
  expectProblem(response, 500, 'internal');
  expect(JSON.stringify(response.body)).not.toMatch(/Kari|01010750160|Unexpected failure|Error/);
});

test('429 once a subject is over its limit; other subjects are not affected', async () => {
  const limited = await startTestApp({ env: { MEDFRI_RATE_LIMIT_PER_MINUTE: '2' } });
  try {
    const bearer = await limited.bearer(users.admin);
    const call = (authorization: string) => limited.http().get(`/patients/${randomUUID()}/identity`).set('Authorization', authorization);
    const first = await call(bearer);
    expect(first.status).toBe(404);
    expect(first.headers.ratelimit).toMatch(/^"2-in-1min"; r=1; t=(59|60)$/);
    expect(first.headers['ratelimit-policy']).toMatch(/^"2-in-1min"; q=2; w=60; pk=:[A-Za-z0-9+/=]+:$/);
    expect((await call(bearer)).status).toBe(404);
    const refused = await call(bearer);
    expectProblem(refused, 429, 'rate-limited');
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await call(await limited.bearer(users.clinicianAsgard))).status).toBe(403);
  } finally {
    await limited.close();
  }
});

test('503 when the database cannot be reached, for requests and for readiness; liveness stays up', async () => {
  const offline = await startTestApp({ databaseUrl: 'postgres://nobody:nothing@127.0.0.1:9/none' });
  try {
    const response = await offline.http().post('/patients').set('Authorization', await offline.bearer(users.admin))
      .send({ unitId: 'unn-asgard', identity: newIdentity() });
    expectProblem(response, 503, 'unavailable');
    expect(response.headers['retry-after']).toBeDefined();
    expectProblem(await offline.http().get('/readyz'), 503, 'unavailable');
    expect((await offline.http().get('/healthz')).status).toBe(200);
  } finally {
    await offline.close();
  }
});
