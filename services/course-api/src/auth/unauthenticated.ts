import { ProblemError } from '../http/problem.js';

/**
 * A 401 with the RFC 6750 challenge: `invalid_token` when a token was sent and refused,
 * no error code when none was sent.
 */
export function unauthenticated(detail: string, tokenSent = true): ProblemError {
  const challenge = tokenSent ? 'Bearer realm="medfri", error="invalid_token"' : 'Bearer realm="medfri"';
  return new ProblemError('unauthenticated', detail, {}, { 'WWW-Authenticate': challenge });
}
