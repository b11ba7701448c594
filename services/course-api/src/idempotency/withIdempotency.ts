import { randomUUID } from 'node:crypto';
import { ProblemError, validationProblem } from '../http/problem.js';
import { deterministicIds } from './deterministicIds.js';
import type { IdempotencyStore, StoredResponse } from './idempotencyStore.js';

export interface IdempotentRequest {
  /** Whose key it is: keys of different principals never meet. */
  scope: string;
  key: string;
  /** Identifies the request, so reusing a key for a different one is caught. */
  hash: string;
}

export const REPLAY_HEADER = 'Idempotent-Replayed';

/** The Idempotency-Key header (an RFC 8941 string, quotes optional), or undefined when absent. */
export function idempotencyKeyFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = /^"(.*)"$/.exec(header.trim())?.[1] ?? header.trim();
  if (!/^[\x21\x23-\x7e]{1,255}$/.test(key)) {
    throw validationProblem([{ path: 'header.idempotency-key', message: 'must be 1-255 printable ASCII characters' }]);
  }
  return key;
}

/**
 * Runs a state-changing request at most once per key: the first response is stored and
 * replayed unchanged to retries. A request that fails releases its key and leaves nothing.
 * Stored responses are plain JSON, so state-changing routes answer with ids and revisions,
 * never personal data.
 */
export async function withIdempotency(
  store: IdempotencyStore,
  request: IdempotentRequest | undefined,
  run: (newId: () => string) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (request === undefined) return run(randomUUID);
  const claim = await store.claim(request.scope, request.key, request.hash);
  switch (claim.outcome) {
    case 'replay':
      return { ...claim.response, headers: { ...claim.response.headers, [REPLAY_HEADER]: 'true' } };
    case 'mismatch':
      throw new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used for a different request; use a new key');
    case 'in-progress':
      throw new ProblemError('idempotency-key-in-use', 'The first request with this Idempotency-Key is still running; retry shortly', {}, { 'Retry-After': '1' });
    case 'claimed':
      break;
  }
  let response: StoredResponse;
  try {
    response = await run(deterministicIds(`${request.scope}\u0000${request.key}`));
  } catch (error) {
    // The original error matters more than a failed release; a stale claim is taken over later.
    await store.release(request.scope, request.key).catch(() => undefined);
    throw error;
  }
  await store.complete(request.scope, request.key, response);
  return response;
}
