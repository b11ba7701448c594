import type { Principal } from '@medfri/auth';

export { unitIdSchema, type Principal } from '@medfri/auth';

/** One string per principal: scopes idempotency keys and rate limits. */
export const principalKey = (principal: Principal) => `${principal.issuer}#${principal.subject}`;
