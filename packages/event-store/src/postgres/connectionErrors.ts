import { EventStoreError, StoreUnavailableError } from '../errors.js';

const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);
// SQLSTATEs meaning "the server cannot serve you now": connection exceptions (class 08),
// shutdown in progress, starting up, too many connections.
const UNAVAILABLE_SQLSTATES: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres reports some failures only in its messages.
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Cannot use a pool after calling end/i;

/** True when `error` says the database could not be reached, rather than that a statement failed. */
export function isConnectionFailure(error: unknown): boolean {
  // Duck-typed: errors from Node's own sockets belong to another realm under jest, so instanceof fails.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.some(isConnectionFailure)) return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/** Our own typed errors pass through; connection failures become StoreUnavailableError. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  return isConnectionFailure(error) ? new StoreUnavailableError(error) : error;
}

export async function withStoreErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}
