import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';

export interface TokenRequest {
  issuer: string;
  audience: string;
  subject: string;
  claims: JWTPayload;
  issuedAt: Date;
  expiresInSeconds: number;
}

/** A key pair that signs tokens and publishes its public half as a JWKS. */
export interface SigningKey {
  readonly kid: string;
  readonly jwks: JSONWebKeySet;
  sign(request: TokenRequest): Promise<string>;
}

const ALGORITHM = 'ES256';

/** A fresh ES256 key pair, held in memory only. */
export async function createSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  return {
    kid,
    jwks: { keys: [jwk] },
    sign(request) {
      const issuedAt = Math.floor(request.issuedAt.getTime() / 1000);
      return new SignJWT(request.claims)
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(request.issuer)
        .setAudience(request.audience)
        .setSubject(request.subject)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + request.expiresInSeconds)
        .sign(privateKey);
    },
  };
}
