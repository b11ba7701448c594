import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet, type JWTPayload } from 'jose';
import { AuthenticationError } from './authenticationError.js';
import { createTokenVerifier, type TokenVerifierOptions, type TrustedIssuer } from './tokenVerifier.js';

const ISSUER = 'https://issuer.example';
const OTHER_ISSUER = 'https://other-issuer.example';
const AUDIENCE = 'medfri-course-api';
const START = Date.UTC(2030, 0, 1) / 1000;
const PATIENT_ID = '0b7c5e4e-2f1a-4c1e-9a53-5d8c7f1e2a90';

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
}

async function createTestKey(kid: string): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] } };
}

/** A token from the trusted issuer for an admin, valid for 10 minutes from START, unless the claims say otherwise (undefined removes one). */
const sign = (key: TestKey, claims: JWTPayload = {}) => new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: START, exp: START + 600, role: 'admin', ...claims })
  .setProtectedHeader({ alg: 'ES256', kid: key.kid })
  .sign(key.privateKey);

let issuerKey: TestKey;
let otherIssuerKey: TestKey;
let untrustedKey: TestKey;
let nowMs: number;
let keyLookups: number;
const clock = { now: () => new Date(nowMs) };

/** The trusted issuers' key sets, held locally; every lookup is counted. */
function countingKeySource(trusted: TrustedIssuer) {
  const keySet = createLocalJWKSet(trusted.issuer === ISSUER ? issuerKey.jwks : otherIssuerKey.jwks);
  return (...args: Parameters<typeof keySet>) => {
    keyLookups += 1;
    return keySet(...args);
  };
}

const issuers = [{ issuer: ISSUER, jwksUrl: `${ISSUER}/jwks.json` }, { issuer: OTHER_ISSUER, jwksUrl: `${OTHER_ISSUER}/jwks.json` }];
const verifier = (options: Partial<TokenVerifierOptions> = {}) => createTokenVerifier({ issuers, audience: AUDIENCE, clock, keySource: countingKeySource, ...options });

async function refusal(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof AuthenticationError)) throw new Error(`Expected an AuthenticationError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  issuerKey = await createTestKey('key-1');
  otherIssuerKey = await createTestKey('key-1');
  untrustedKey = await createTestKey('key-1');
});
beforeEach(() => {
  nowMs = START * 1000;
  keyLookups = 0;
});

test('a valid token gives its principal', async () => {
  await expect(verifier().verify(await sign(issuerKey, { sub: 'p-1', role: 'patient', patient_id: PATIENT_ID }))).resolves.toEqual({
    issuer: ISSUER, subject: 'p-1', expiresAt: new Date((START + 600) * 1000), role: 'patient', patientId: PATIENT_ID,
  });
  const clinician = await verifier().verify(await sign(otherIssuerKey, { iss: OTHER_ISSUER, role: 'clinician', units: ['unn-asgard'] }));
  expect(clinician).toMatchObject({ issuer: OTHER_ISSUER, role: 'clinician', units: ['unn-asgard'] });
});

describe('refusals', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['an expired token', () => sign(issuerKey, { exp: START }), /^The token has expired$/],
    ['a token not valid yet', () => sign(issuerKey, { nbf: START + 60 }), /nbf claim is not valid/],
    ['a token for another audience', () => sign(issuerKey, { aud: 'another-service' }), /not meant for this service/],
    ['a token from an issuer not trusted', () => sign(untrustedKey, { iss: 'https://evil.example' }), /issuer is not trusted/],
    ['a token naming no issuer', () => sign(issuerKey, { iss: undefined }), /issuer is not trusted/],
    ['a token signed by another key under the same key id', () => sign(untrustedKey), /signature is not valid/],
    ['a token naming one trusted issuer, signed by another', () => sign(otherIssuerKey), /signature is not valid/],
    ['a token signed under an unknown key id', () => sign({ ...untrustedKey, kid: 'key-2' }), /signature is not valid/],
    ['a token whose claims were changed after signing', async () => {
      const [header, , signature] = (await sign(issuerKey, { role: 'researcher' })).split('.');
      const forged = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', exp: START + 600, role: 'admin' })).toString('base64url');
      return `${header}.${forged}.${signature}`;
    }, /signature is not valid/],
    ['a token signed with a shared secret', () => new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: START + 600, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32)), /algorithm this service does not accept/],
    ['a token without a subject', () => sign(issuerKey, { sub: undefined }), /sub claim is not valid/],
    ['a token without an expiry', () => sign(issuerKey, { exp: undefined }), /exp claim is not valid/],
    ['a clinician without units', () => sign(issuerKey, { role: 'clinician' }), /known kind of user/],
    ['a patient whose id is not a uuid', () => sign(issuerKey, { role: 'patient', patient_id: 'p-1' }), /known kind of user/],
    ['an unknown role', () => sign(issuerKey, { role: 'superuser' }), /known kind of user/],
    ['something that is not a JWT', async () => 'not.a.jwt', /malformed/],
  ];
  test.each(cases)('%s', async (_name, token, message) => {
    const error = await refusal(verifier().verify(await token()));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toMatch(message);
  });
});

test('keys that cannot be fetched make the verifier unavailable, not the token refused', async () => {
  const unreachable = verifier({ keySource: () => () => Promise.reject(new TypeError('fetch failed')) });
  const error = await refusal(unreachable.verify(await sign(issuerKey)));
  expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/keys cannot be fetched/) });
});

describe('keys from the issuer\'s JWKS URL', () => {
  let status = 200;
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? issuerKey.jwks : { error: 'down' }));
  });
  let jwksUrl: string;
  const remoteVerifier = (url = jwksUrl) => createTokenVerifier({ issuers: [{ issuer: ISSUER, jwksUrl: url }], audience: AUDIENCE, clock });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => { status = 200; });

  test('are fetched and used', async () => {
    await expect(remoteVerifier().verify(await sign(issuerKey))).resolves.toMatchObject({ role: 'admin', subject: 'user-1' });
  });

  test('an issuer answering with an error is unavailable', async () => {
    status = 500;
    await expect(refusal(remoteVerifier().verify(await sign(issuerKey)))).resolves.toMatchObject({ code: 'unavailable' });
  });

  test('an issuer that does not answer is unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(refusal(remoteVerifier(url).verify(await sign(issuerKey)))).resolves.toMatchObject({ code: 'unavailable' });
  });
});

describe('the cache of verified tokens', () => {
  test('a token verified once is served again without looking up a key', async () => {
    const cached = verifier();
    const token = await sign(issuerKey);
    const first = await cached.verify(token);
    expect(keyLookups).toBe(1);
    await expect(cached.verify(token)).resolves.toBe(first);
    expect(keyLookups).toBe(1);
  });

  test('a cached token expires at the clock like any other: the cache does not extend its life', async () => {
    const cached = verifier();
    const token = await sign(issuerKey, { exp: START + 60 });
    await cached.verify(token);
    nowMs = (START + 60) * 1000 - 1;
    await cached.verify(token);
    expect(keyLookups).toBe(1);
    nowMs = (START + 60) * 1000;
    await expect(refusal(cached.verify(token))).resolves.toMatchObject({ code: 'unauthenticated', message: 'The token has expired' });
  });

  test('at capacity the least recently used token is verified afresh', async () => {
    const cached = verifier({ cacheCapacity: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => sign(issuerKey, { sub })));
    for (const token of [a, b, a, c]) await cached.verify(token as string);
    expect(keyLookups).toBe(3);
    await cached.verify(a as string);
    await cached.verify(c as string);
    expect(keyLookups).toBe(3);
    await cached.verify(b as string);
    expect(keyLookups).toBe(4);
  });

  test('a failure is never cached', async () => {
    let keysReachable = false;
    const flaky = verifier({
      keySource: (trusted) => {
        const keySet = countingKeySource(trusted);
        return (...args) => (keysReachable ? keySet(...args) : Promise.reject(new TypeError('fetch failed')));
      },
    });
    const token = await sign(issuerKey);
    await expect(refusal(flaky.verify(token))).resolves.toMatchObject({ code: 'unavailable' });
    keysReachable = true;
    await expect(flaky.verify(token)).resolves.toMatchObject({ role: 'admin' });

    const forged = await sign(untrustedKey);
    for (let attempt = 0; attempt < 2; attempt += 1) await expect(refusal(flaky.verify(forged))).resolves.toMatchObject({ code: 'unauthenticated' });
    expect(keyLookups).toBe(3);
  });

  test('a capacity of 0 verifies every time', async () => {
    const uncached = verifier({ cacheCapacity: 0 });
    const token = await sign(issuerKey);
    await uncached.verify(token);
    await uncached.verify(token);
    expect(keyLookups).toBe(2);
  });
});
