import { errors } from 'jose';

/** `unauthenticated`: the token is not acceptable. `unavailable`: the issuer's keys cannot be fetched now. */
export class AuthenticationError extends Error {
  constructor(readonly code: 'unauthenticated' | 'unavailable', message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A token that is not acceptable, and why. */
export const refused = (message: string) => new AuthenticationError('unauthenticated', message);

// jose throws its generic JOSEError only when a JWKS response is not 200 or not JSON.
const keysUnavailable = (error: unknown) => !(error instanceof errors.JOSEError)
  || error instanceof errors.JWKSTimeout
  || error instanceof errors.JWKSInvalid
  || error.code === errors.JOSEError.code;

/** What a failure of jose's `jwtVerify` means for the caller. */
export function authenticationFailure(error: unknown): AuthenticationError {
  if (keysUnavailable(error)) return new AuthenticationError('unavailable', "The identity provider's keys cannot be fetched; retry later");
  if (error instanceof errors.JWTExpired) return refused('The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused('The token is not meant for this service');
    if (error.claim === 'iss') return refused('The token issuer is not trusted');
    return refused(`The token's ${error.claim} claim is not valid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return refused('The token is signed with an algorithm this service does not accept');
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return refused('The token signature is not valid');
  }
  return refused('The token is malformed');
}
