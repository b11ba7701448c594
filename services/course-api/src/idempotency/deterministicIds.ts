import { createHash } from 'node:crypto';

/**
 * UUIDs (version 8, RFC 9562) derived from a seed: the n-th id of a request is the same
 * each time the request runs, so a re-run after a crash appends the same event ids (a
 * no-op in the store) and registers the same patient id (recognised by the vault).
 */
export function deterministicIds(seed: string): () => string {
  let counter = 0;
  return () => {
    const bytes = createHash('sha256').update(`${seed}\u0000${counter}`).digest().subarray(0, 16);
    counter += 1;
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
