import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { COMPONENT, migrations } from '../db/migrations.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { users } from '../testing/users.js';
import { createLogger } from './logger.js';

const logLines: string[] = [];
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    logger: createLogger('info', { write: (line: string) => { logLines.push(line); } }),
    env: { MEDFRI_CORS_ORIGINS: 'https://app.medfri.example' },
  });
});
afterAll(() => app.close());

test('liveness and readiness', async () => {
  expect((await app.http().get('/healthz')).body).toEqual({ status: 'ok' });
  expect((await app.http().get('/readyz')).body).toEqual({ status: 'ready' });
});

test('not ready while the migrations are not applied, nor while the event store cannot answer', async () => {
  const unmigrated = await startTestApp({ databaseUrl: await createTestDatabase('unmigrated') });
  try {
    const response = await unmigrated.http().get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body.detail).toMatch(/migrations/);
    await migrate(unmigrated.pool, COMPONENT, migrations);
    const storeMissing = await unmigrated.http().get('/readyz');
    expect(storeMissing.status).toBe(503);
    expect(storeMissing.body.detail).toMatch(/event store/);
  } finally {
    await unmigrated.close();
  }
});

test('metrics: default process metrics and request durations by route template, never by real path', async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  await app.http().get(`/patients/${patientId}/identity`).set('Authorization', await app.bearer(users.clinicianAsgard));
  const metrics = (await app.http().get('/metrics')).text;
  expect(metrics).toContain('process_cpu_user_seconds_total');
  expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/patients\/:patientId\/identity",status="200"\} 1/);
  expect(metrics).toMatch(/http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/patients",status="201"\}/);
  expect(metrics).not.toContain(patientId);
});

test('the OpenAPI document and the reference page are served from the service itself', async () => {
  const document = await app.http().get('/openapi.json');
  expect(document.body.openapi).toBe('3.1.0');
  expect(Object.keys(document.body.paths)).toContain('/patients/{patientId}/identity');
  const redirect = await app.http().get('/docs');
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe('/docs/');
  const page = await app.http().get('/docs/');
  expect(page.text).toContain('swagger-ui-bundle.js');
  expect((await app.http().get('/docs/swagger-ui-bundle.js')).status).toBe(200);
  expect((await app.http().get('/docs/swagger-initializer.js')).text).toContain("'../openapi.json'");
});

test('security headers, and CORS only for configured origins', async () => {
  const allowed = await app.http().options('/patients').set('Origin', 'https://app.medfri.example').set('Access-Control-Request-Method', 'POST');
  expect(allowed.headers['access-control-allow-origin']).toBe('https://app.medfri.example');
  expect(allowed.headers['access-control-allow-headers']).toContain('Idempotency-Key');
  const foreign = await app.http().get('/healthz').set('Origin', 'https://evil.example');
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  expect(foreign.headers['x-content-type-options']).toBe('nosniff');
  expect(foreign.headers['content-security-policy']).toContain("default-src 'self'");
  expect(foreign.headers['x-powered-by']).toBeUndefined();
});

test('request logs carry ids, route templates, statuses and durations, and no personal data or tokens', async () => {
  logLines.length = 0;
  const identity = newIdentity({ givenName: 'Loggable', familyName: 'Personsen' });
  const bearer = await app.bearer(users.clinicianAsgard);
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard', identity);
  await app.http().get(`/patients/${patientId}/identity`).set('Authorization', bearer);
  await app.http().post('/units/unn-asgard/patients/search').set('Authorization', bearer).send({ nationalIdentityNumber: identity.nationalIdentityNumber });
  await app.http().post('/patients').set('Authorization', bearer).send({ unitId: 'unn-asgard', identity });

  const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toEqual(expect.arrayContaining([
    expect.objectContaining({ msg: 'request', method: 'POST', route: '/patients', status: 201, role: 'clinician', requestId: expect.any(String), durationMs: expect.any(Number) }),
    expect.objectContaining({ msg: 'request', method: 'GET', route: '/patients/:patientId/identity', status: 200 }),
    expect.objectContaining({ msg: 'request', route: '/patients', status: 409 }),
  ]));
  const everything = logLines.join('\n');
  for (const secret of ['Loggable', 'Personsen', identity.nationalIdentityNumber, '912 34 567', bearer.slice(7), patientId]) {
    expect(everything).not.toContain(secret);
  }
});
