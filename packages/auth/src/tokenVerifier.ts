import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { authenticationFailure, refused } from './authenticationError.js';
import type { Clock } from './clock.js';
import { principalFromClaims, type Principal } from './principal.js';
import { VerifiedTokenCache } from './verifiedTokenCache.js';

export interface TrustedIssuer {
  issuer: string;
  jwksUrl: string;
}

export interface TokenVerifierOptions {
  issuers: readonly TrustedIssuer[];
  audience: string;
  /** Judges expiry, both on verification and on every cache hit. */
  clock: Clock;
  /** Most verified tokens remembered (10,000 by default); 0 remembers none. */
  cacheCapacity?: number;
  /** Where an issuer's public keys come from: by default its JWKS URL, fetched and cached by jose. */
  keySource?: (trusted: TrustedIssuer) => JWTVerifyGetKey;
}

export interface TokenVerifier {
  /** The principal of a valid token; throws an AuthenticationError otherwise. */
  verify(token: string): Promise<Principal>;
}

const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];
const DEFAULT_CACHE_CAPACITY = 10_000;

const remoteKeySet = (trusted: TrustedIssuer) => createRemoteJWKSet(new URL(trusted.jwksUrl));

/**
 * Verifies bearer JWTs against the JWKS of the issuer the token names, if that issuer is
 * trusted: signature, issuer, audience, lifetime at the clock's time, and claims that
 * describe a known kind of user.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keySource = options.keySource ?? remoteKeySet;
  const keySets = new Map(options.issuers.map((trusted) => [trusted.issuer, keySource(trusted)]));
  // A signed token cannot change, so what it proved holds until it expires.
  const verified = new VerifiedTokenCache(options.cacheCapacity ?? DEFAULT_CACHE_CAPACITY);

  async function verifyAfresh(token: string, now: Date): Promise<Principal> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw refused('The token is malformed');
    }
    const keySet = issuer === undefined ? undefined : keySets.get(issuer);
    if (issuer === undefined || keySet === undefined) throw refused('The token issuer is not trusted');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer, audience: options.audience, algorithms: ALGORITHMS, currentDate: now, requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw authenticationFailure(error);
    }
    const principal = principalFromClaims(issuer, payload);
    if (!principal) throw refused('The token does not describe a known kind of user');
    return principal;
  }

  return {
    async verify(token) {
      const now = options.clock.now();
      const cached = verified.get(token, now);
      if (cached) return cached;
      const principal = await verifyAfresh(token, now);
      verified.set(token, principal);
      return principal;
    },
  };
}
