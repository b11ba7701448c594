import { isConnectionFailure, StoreUnavailableError } from '@medfri/event-store';

const MAX_CAUSE_DEPTH = 5;

/**
 * True when an error means "the database cannot be reached right now" (a 503: retry
 * later) rather than a bug or a refused statement. The store's own test of a connection
 * failure, plus what only the API meets: the store's typed error, and failures wrapped as
 * the `cause` of another error.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > MAX_CAUSE_DEPTH || typeof error !== 'object' || error === null) return false;
  if (error instanceof StoreUnavailableError || isConnectionFailure(error)) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
