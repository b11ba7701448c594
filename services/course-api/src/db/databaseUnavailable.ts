import { StoreUnavailableError } from '@medfri/event-store';

// Socket-level failures: the server is down, unreachable, or dropped the connection.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
// SQLSTATEs of a server that is shutting down, starting up, or out of connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
// pg and pg-pool report lost or impossible connections only by message.
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end on the pool',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

/**
 * True when an error means "the database cannot be reached right now" (a 503: retry
 * later) rather than a bug or a refused statement. Duck-typed, not `instanceof Error`:
 * socket errors may come from another realm (Node's own), and then instanceof fails.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof StoreUnavailableError) return true;
  const { code, message, errors, cause } = error as ErrorLike;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((known) => message.includes(known))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
