import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import type { TestUser, TokenOptions } from '../testing/testIssuer.js';
import { users } from '../testing/users.js';
import { createSigningKey } from './signingKey.js';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

// Any authenticated call that reaches the router: an unknown patient is a 404 for an admin.
const probe = (authorization: string) => app.http().get(`/patients/${randomUUID()}/identity`).set('Authorization', authorization);
const withToken = async (user: TestUser, options?: TokenOptions) => probe(`Bearer ${await app.issuer.token(user, options)}`);

async function expectRefused(responsePromise: ReturnType<typeof probe> | Promise<Awaited<ReturnType<typeof probe>>>, detail: RegExp) {
  const response = await responsePromise;
  expect(response.status).toBe(401);
  expect(response.body).toMatchObject({ type: 'urn:medfri:problem:unauthenticated', detail: expect.stringMatching(detail) });
  expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
}

test('a valid token gets through', async () => {
  expect((await withToken(users.admin)).status).toBe(404);
});

test('an expired token is refused, judged by the injected clock', async () => {
  const token = await app.issuer.token(users.admin, { expiresInSeconds: 60 });
  expect((await probe(`Bearer ${token}`)).status).toBe(404);
  app.clock.advance(61_000);
  await expectRefused(probe(`Bearer ${token}`), /expired/);
});

test('a token from another issuer is refused', async () => {
  await expectRefused(withToken(users.admin, { issuer: 'https://evil.example' }), /issuer/);
});

test('a token for another audience is refused', async () => {
  await expectRefused(withToken(users.admin, { audience: 'some-other-service' }), /not meant for this service/);
});

test('a token signed by another key under the same key id is refused', async () => {
  await expectRefused(withToken(users.admin, { key: await createSigningKey('test-key') }), /signature/);
});

test('a token with an unknown key id is refused', async () => {
  await expectRefused(withToken(users.admin, { key: await createSigningKey('unknown-key') }), /signature/);
});

test('tampered claims break the signature', async () => {
  const [header, , signature] = (await app.issuer.token(users.clinicianAsgard)).split('.');
  const forged = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', iss: app.issuer.issuer, aud: app.issuer.audience, exp: 4e9 })).toString('base64url');
  await expectRefused(probe(`Bearer ${header}.${forged}.${signature}`), /signature/);
});

test('claims that describe no known user are refused', async () => {
  await expectRefused(withToken({ sub: 'c', role: 'clinician' }), /known kind of user/);
  await expectRefused(withToken({ sub: 'p', role: 'patient', patient_id: 'not-a-uuid' }), /known kind of user/);
  await expectRefused(withToken({ sub: 'x', role: 'superuser' }), /known kind of user/);
});

test('garbage and other schemes are refused', async () => {
  await expectRefused(probe('Bearer not.a.jwt'), /malformed/);
  await expectRefused(probe('Basic dXNlcjpwYXNz'), /Bearer/);
});

test('without any token: 401 asking for one', async () => {
  await expectRefused(app.http().get(`/patients/${randomUUID()}/identity`), /required/);
});
