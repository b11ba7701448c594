import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** A token for these claims (role, units, patient_id), valid for `lifetimeSeconds`. */
  token(claims: JWTPayload & { role: string }, lifetimeSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/** An identity provider for tests: a key pair and its JWKS served over HTTP, as a real provider serves it. */
export async function startTestIssuer(audience = 'medfri-course-api'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256', use: 'sig' }] };
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let subjects = 0;
  return {
    issuer: base,
    jwksUrl: `${base}/.well-known/jwks.json`,
    audience,
    token: (claims, lifetimeSeconds = 600) => {
      subjects += 1;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test' })
        .setIssuer(base)
        .setAudience(audience)
        .setSubject(`test-user-${subjects}`)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
        .sign(privateKey);
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
