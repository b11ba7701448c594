import type { EventStore } from '@medfri/event-store';
import { allProjections, anyBuildPaused, requestRebuild, startProjector, type Projector } from '@medfri/projector';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

export interface Rate {
  events: number;
  ms: number;
  perSec: number;
}

const READ_PAGE = 1_000;
const POLL_MS = 20;

const rate = (events: number, ms: number): Rate => ({ events, ms, perSec: events / (ms / 1000) });

/** The store's own catch-up read: every event up to `head`, pages of 1,000, one reader. */
export async function rawReadAll(store: EventStore, head: number): Promise<Rate> {
  const started = performance.now();
  let after = 0;
  while (after < head) {
    const page = await store.readAll({ after, maxCount: READ_PAGE });
    after = page[page.length - 1]?.position ?? head;
  }
  return rate(head, performance.now() - started);
}

/**
 * Starts the projector with every projection on read models that do not exist yet and
 * times it until each projection's serving build has reached `head` and has been analyzed
 * and given back to autovacuum, as a caught-up build is. The projector stays running
 * (returned) so the live phase follows the same store.
 */
export async function projectorCatchUp(pool: Pool, databaseUrl: string, head: number, batchSize: number, logger: Logger): Promise<{ rate: Rate; projector: Projector }> {
  const started = performance.now();
  const projector = await startProjector({ databaseUrl, batchSize, logger });
  try {
    for (;;) {
      const statuses = projector.status();
      const failed = statuses.find((status) => status.lastError !== undefined);
      if (failed) throw new Error(`projection ${failed.name} failed: ${failed.lastError}`);
      const behind = statuses.filter((status) => !status.builds.some((build) => build.checkpoint >= head));
      if (statuses.length > 0 && behind.length === 0 && !(await anyBuildPaused(pool))) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } catch (error) {
    await projector.close();
    throw error;
  }
  return { rate: rate(head, performance.now() - started), projector };
}

/**
 * The operator's rebuild, one projection at a time, on the running projector with the
 * others following at the head: a fresh build from position 0 next to the serving one,
 * timed until it has caught up and serves (its status `active` in the database).
 */
export async function rebuildEach(pool: Pool, head: number): Promise<{ name: string; rate: Rate }[]> {
  const rates: { name: string; rate: Rate }[] = [];
  for (const definition of allProjections) {
    const started = performance.now();
    const build = await requestRebuild(pool, definition);
    for (;;) {
      const { rows } = await pool.query<{ status: string; checkpoint: string }>(
        'SELECT status, checkpoint FROM projection_builds WHERE build_id = $1', [build.buildId]);
      const row = rows[0];
      if (!row || row.status === 'retired' || row.status === 'dropped') throw new Error(`rebuild of ${definition.name} ended as ${row?.status ?? 'missing'}`);
      if (row.status === 'active' && Number(row.checkpoint) >= head) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    rates.push({ name: definition.name, rate: rate(head, performance.now() - started) });
  }
  return rates;
}
