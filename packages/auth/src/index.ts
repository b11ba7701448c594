export { AuthenticationError } from './authenticationError.js';
export type { Clock } from './clock.js';
export { principalFromClaims, unitIdSchema, type Principal } from './principal.js';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions, type TrustedIssuer } from './tokenVerifier.js';
