import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { Clock } from '../clock.js';
import type { TrustedIssuerConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { principalFromClaims, type Principal } from './principal.js';
import { unauthenticated } from './unauthenticated.js';

export interface TokenVerifier {
  /** The principal of a valid token; throws a 401 problem otherwise (503 when the issuer's keys cannot be fetched). */
  verify(token: string): Promise<Principal>;
}

const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

function explain(error: unknown): ProblemError {
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new ProblemError('unavailable', "The identity provider's keys cannot be fetched; retry later", {}, { 'Retry-After': '5' });
  }
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return unauthenticated('The token is not meant for this service');
    if (error.claim === 'iss') return unauthenticated('The token issuer is not trusted');
    return unauthenticated(`The token's ${error.claim} claim is not valid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('The token signature is not valid');
  }
  return unauthenticated('The token is malformed');
}

/**
 * Verifies bearer JWTs against each trusted issuer's JWKS (fetched and cached by jose),
 * checking signature, issuer, audience and lifetime at the injected clock's time.
 */
export function createTokenVerifier(options: { issuers: readonly TrustedIssuerConfig[]; audience: string; clock: Clock }): TokenVerifier {
  const keySets = new Map(options.issuers.map((trusted) => [trusted.issuer, createRemoteJWKSet(new URL(trusted.jwksUrl))]));
  return {
    async verify(token) {
      let claimedIssuer: string | undefined;
      try {
        claimedIssuer = decodeJwt(token).iss;
      } catch {
        throw unauthenticated('The token is malformed');
      }
      const keySet = claimedIssuer === undefined ? undefined : keySets.get(claimedIssuer);
      if (claimedIssuer === undefined || keySet === undefined) throw unauthenticated('The token issuer is not trusted');
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: claimedIssuer,
          audience: options.audience,
          algorithms: ALGORITHMS,
          currentDate: options.clock.now(),
          requiredClaims: ['sub', 'exp'],
        });
        const principal = principalFromClaims(claimedIssuer, payload);
        if (!principal) throw unauthenticated('The token does not describe a known kind of user');
        return principal;
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        throw explain(error);
      }
    },
  };
}
