import { Client } from 'pg';
import type { Logger } from 'pino';
import { CONTROL_CHANNEL } from './notifyChannel.js';
import { sleep } from './sleep.js';

export interface ProjectionLock {
  /** Aborts when the session ends: from then on another instance may hold the projection. */
  readonly lost: AbortSignal;
  /** Ends the session, which releases the lock. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  connectionString: string;
  name: string;
  version: number;
  retryMs: number;
  signal: AbortSignal;
  log: Logger;
  /** Called with the payload of every control notification while the lock is held. */
  onControl(payload: string): void;
  /** Called whenever an attempt does not get the lock (another instance holds it, the database cannot be reached). */
  onWaiting?(): void;
}

/**
 * Waits until this instance holds the projection: a PostgreSQL advisory lock on a
 * dedicated session, so a crashed holder's lock goes away with its connection and a
 * waiting instance takes over within one retry. The key covers name and version, so
 * during an upgrade the old version keeps being maintained by its own instance while
 * the new one builds. Returns undefined when the signal aborts first.
 */
export async function acquireProjectionLock(options: AcquireOptions): Promise<ProjectionLock | undefined> {
  const { signal, log } = options;
  while (!signal.aborted) {
    const client = new Client({ connectionString: options.connectionString, keepAlive: true });
    const lost = new AbortController();
    client.on('error', (error) => {
      log.warn({ err: error, projection: options.name }, 'projection lock session failed');
      lost.abort();
    });
    client.on('end', () => lost.abort());
    try {
      await client.connect();
      while (!signal.aborted && !lost.signal.aborted) {
        const result = await client.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_lock(hashtext('medfri:projection'), hashtext($1)) AS locked`,
          [`${options.name}:v${options.version}`],
        );
        if (result.rows[0]?.locked) {
          client.on('notification', (message) => options.onControl(message.payload ?? ''));
          await client.query(`LISTEN ${CONTROL_CHANNEL}`);
          return { lost: lost.signal, release: () => endQuietly(client) };
        }
        options.onWaiting?.();
        await sleep(options.retryMs, signal);
      }
    } catch (error) {
      if (!lost.signal.aborted) log.warn({ err: error, projection: options.name }, 'cannot reach the database for the projection lock');
      options.onWaiting?.();
    }
    await endQuietly(client);
    await sleep(options.retryMs, signal);
  }
  return undefined;
}

async function endQuietly(client: Client): Promise<void> {
  try {
    await client.end();
  } catch {
    // Already ended by the server or the network: the lock is gone either way.
  }
}
