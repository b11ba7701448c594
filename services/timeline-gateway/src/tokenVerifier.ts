import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import { z } from 'zod';

// Verification as the course API does it (same claims, issuers and audience), kept in
// this one file until both use a shared package.

export interface TrustedIssuer {
  issuer: string;
  jwksUrl: string;
}

/** Who is connected, from a verified token. */
export type Principal = { issuer: string; subject: string; expiresAt: Date } & (
  | { role: 'clinician'; units: readonly string[] }
  | { role: 'patient'; patientId: string }
  | { role: 'researcher' }
  | { role: 'admin' }
);

/** `unauthenticated`: the token is not acceptable. `unavailable`: the issuer's keys cannot be fetched now. */
export class AuthenticationError extends Error {
  constructor(readonly code: 'unauthenticated' | 'unavailable', message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

const unitId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), exp: z.number(), role: z.literal('clinician'), units: z.array(unitId) }),
  z.object({ sub: z.string().min(1), exp: z.number(), role: z.literal('patient'), patient_id: z.uuid() }),
  z.object({ sub: z.string().min(1), exp: z.number(), role: z.literal('researcher') }),
  z.object({ sub: z.string().min(1), exp: z.number(), role: z.literal('admin') }),
]);

function explain(error: unknown): AuthenticationError {
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new AuthenticationError('unavailable', "The identity provider's keys cannot be fetched; retry later");
  }
  if (error instanceof errors.JWTExpired) return new AuthenticationError('unauthenticated', 'The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError('unauthenticated', 'The token is not meant for this service');
    return new AuthenticationError('unauthenticated', `The token's ${error.claim} claim is not valid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('unauthenticated', 'The token signature is not valid');
  }
  return new AuthenticationError('unauthenticated', 'The token is malformed');
}

/** Verifies JWTs against each trusted issuer's JWKS: signature, issuer, audience and lifetime. */
export function createTokenVerifier(options: { issuers: readonly TrustedIssuer[]; audience: string }): TokenVerifier {
  const keySets = new Map(options.issuers.map((trusted) => [trusted.issuer, createRemoteJWKSet(new URL(trusted.jwksUrl))]));
  return {
    async verify(token) {
      let issuer: string | undefined;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        throw new AuthenticationError('unauthenticated', 'The token is malformed');
      }
      const keySet = issuer === undefined ? undefined : keySets.get(issuer);
      if (issuer === undefined || keySet === undefined) throw new AuthenticationError('unauthenticated', 'The token issuer is not trusted');
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keySet, { issuer, audience: options.audience, algorithms: ALGORITHMS, requiredClaims: ['sub', 'exp'] }));
      } catch (error) {
        throw explain(error);
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw new AuthenticationError('unauthenticated', 'The token does not describe a known kind of user');
      const who = { issuer, subject: claims.data.sub, expiresAt: new Date(claims.data.exp * 1000) };
      switch (claims.data.role) {
        case 'clinician':
          return { ...who, role: 'clinician', units: claims.data.units };
        case 'patient':
          return { ...who, role: 'patient', patientId: claims.data.patient_id };
        default:
          return { ...who, role: claims.data.role };
      }
    },
  };
}
