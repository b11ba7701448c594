import type { Pool } from 'pg';
import type { Clock } from '../clock.js';

/** A response as first sent, replayed unchanged to retries. */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  /** The key was used before for a different request. */
  | { outcome: 'mismatch' }
  /** The first request with the key is still running. */
  | { outcome: 'in-progress' };

// A claim this old without a response belongs to a process that died mid-request.
const STALE_AFTER_MS = 60_000;
const CLAIM_ATTEMPTS = 3;

/**
 * Idempotency keys, insert-first: the INSERT that wins the primary key owns the request;
 * concurrent duplicates see the row and get "in progress" or, once it completes, the replay.
 */
export class IdempotencyStore {
  constructor(private readonly pool: Pool, private readonly clock: Clock) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const now = this.clock.now();
      const inserted = await this.pool.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, started_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [scope, key, requestHash, now],
      );
      if (inserted.rowCount === 1) return { outcome: 'claimed' };
      const takenOver = await this.pool.query(
        `UPDATE idempotency_keys SET started_at = $4
         WHERE scope = $1 AND key = $2 AND request_hash = $3 AND completed_at IS NULL AND started_at < $5`,
        [scope, key, requestHash, now, new Date(now.getTime() - STALE_AFTER_MS)],
      );
      if (takenOver.rowCount === 1) return { outcome: 'claimed' };
      const existing = await this.pool.query<{ request_hash: string; response: StoredResponse | null }>(
        'SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      const row = existing.rows[0];
      // Gone between the two statements: the first request failed and released the key; try again.
      if (!row) continue;
      if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
      return row.response === null ? { outcome: 'in-progress' } : { outcome: 'replay', response: row.response };
    }
    return { outcome: 'in-progress' };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET completed_at = $3, response = $4 WHERE scope = $1 AND key = $2',
      [scope, key, this.clock.now(), JSON.stringify(response)]);
  }

  /** Releases the key of a request that failed, so it leaves nothing behind and a retry runs anew. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND completed_at IS NULL', [scope, key]);
  }
}
