import { AuthenticationError, createTokenVerifier as createSharedTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from '@medfri/auth';
import { ProblemError } from '../http/problem.js';
import { unauthenticated } from './unauthenticated.js';

function asProblem(error: AuthenticationError): ProblemError {
  if (error.code === 'unavailable') return new ProblemError('unavailable', error.message, {}, { 'Retry-After': '5' });
  return unauthenticated(error.message);
}

/**
 * The shared verifier (with its cache of verified tokens), failing with this API's
 * problems: 401 for a refused token, 503 when the issuer's keys cannot be fetched.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const verifier = createSharedTokenVerifier(options);
  return {
    verify: (token) => verifier.verify(token).catch((error: unknown) => {
      throw error instanceof AuthenticationError ? asProblem(error) : error;
    }),
  };
}
