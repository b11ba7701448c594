import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import { createSigningKey, type SigningKey } from '../auth/signingKey.js';
import type { Clock } from '../clock.js';

/** Claims of a test user: `sub` plus whatever the role needs. */
export type TestUser = JWTPayload & { sub: string; role: string };

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  expiresInSeconds?: number;
  /** Sign with another key than the one the JWKS publishes (a forged token). */
  key?: SigningKey;
}

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  token(user: TestUser, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

/** An identity provider for tests: a real JWKS over HTTP, tokens signed at the test clock's time. */
export async function startTestIssuer(clock: Clock, audience = 'medfri-course-api'): Promise<TestIssuer> {
  const key = await createSigningKey('test-key');
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(key.jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = 'https://idp.test.example';
  return {
    issuer,
    audience,
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    token: ({ sub, ...claims }, options = {}) => (options.key ?? key).sign({
      issuer: options.issuer ?? issuer,
      audience: options.audience ?? audience,
      subject: sub,
      claims,
      issuedAt: clock.now(),
      expiresInSeconds: options.expiresInSeconds ?? 300,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
