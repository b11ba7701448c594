import { createLocalJWKSet } from 'jose';
import { ProblemError } from '../http/problem.js';
import { createTestClock } from '../testing/testClock.js';
import { createSigningKey, type SigningKey } from './signingKey.js';
import { createTokenVerifier } from './tokenVerifier.js';

const issuer = 'https://idp.example';
const audience = 'medfri-course-api';
const clock = createTestClock();
let key: SigningKey;

const signed = (claims: Record<string, unknown>) =>
  key.sign({ issuer, audience, subject: 'user-1', claims, issuedAt: clock.now(), expiresInSeconds: 600 });
const verifier = (keysReachable = true) => createTokenVerifier({
  issuers: [{ issuer, jwksUrl: `${issuer}/jwks.json` }], audience, clock,
  keySource: () => (keysReachable ? createLocalJWKSet(key.jwks) : () => Promise.reject(new TypeError('fetch failed'))),
});
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

beforeAll(async () => { key = await createSigningKey(); });

test('a valid token gives its principal', async () => {
  await expect(verifier().verify(await signed({ role: 'admin' }))).resolves.toMatchObject({ issuer, subject: 'user-1', role: 'admin' });
});

test('a refused token is a 401 problem with the reason and the bearer challenge', async () => {
  const error = await failure(verifier().verify(await signed({ role: 'superuser' })));
  expect(error).toBeInstanceOf(ProblemError);
  expect(error).toMatchObject({
    kind: 'unauthenticated', detail: 'The token does not describe a known kind of user',
    headers: { 'WWW-Authenticate': 'Bearer realm="medfri", error="invalid_token"' },
  });
});

test('keys that cannot be fetched are a 503 problem to retry in 5 seconds', async () => {
  const error = await failure(verifier(false).verify(await signed({ role: 'admin' })));
  expect(error).toBeInstanceOf(ProblemError);
  expect(error).toMatchObject({ kind: 'unavailable', detail: expect.stringMatching(/keys cannot be fetched/), headers: { 'Retry-After': '5' } });
});
