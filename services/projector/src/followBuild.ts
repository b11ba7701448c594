import type { EventStore } from '@medfri/event-store';
import type { Pool } from 'pg';
import { batchMessage } from './batchMessage.js';
import type { BatchOutcome, BatchSender } from './batchSender.js';
import { eventBatches, type BatchSizes } from './eventBatches.js';
import { eventsAfter } from './eventsAfter.js';
import { createHandlerContext } from './handlerContext.js';
import { BUILD_COLUMNS, toBuild, type Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import type { ExpectedReader, SharedCatchUp } from './sharedCatchUp.js';
import { WriteStatements } from './writeStatements.js';

export interface FollowOptions {
  pool: Pool;
  /** This process's batch sender, shared with its other followers. */
  sender: BatchSender;
  store: EventStore;
  /** This process's catch-up reads, shared with its other followers. */
  catchUp: SharedCatchUp;
  /** This follower as the catch-up expects it (see SharedCatchUp.expect), settled once it subscribes. */
  expected?: ExpectedReader;
  definition: ProjectionDefinition;
  buildId: number;
  batchSizes: BatchSizes;
  signal: AbortSignal;
  /** Called with the build as loaded, then after every committed batch. */
  onProgress(build: Build): Promise<void>;
}

/** `stopped`: the signal aborted. `fenced`: the build moved on without this follower (see batchMessage). */
export type FollowEnd = 'stopped' | 'fenced';

/**
 * Feeds one build from its committed checkpoint: catches up page by page, then
 * follows live. Errors (store or database unavailable, a failing handler) are thrown
 * with nothing half-applied; following again resumes from the last commit. While
 * catching up, the next batch is handled while the last one commits (it is sent only
 * once that one has committed, and handled only once that one is written to
 * PostgreSQL), so the handlers' work and PostgreSQL's overlap; at the head each batch's
 * commit is awaited at once.
 */
export async function followBuild(options: FollowOptions): Promise<FollowEnd> {
  const { pool, definition, signal } = options;
  const loaded = await pool.query(`SELECT ${BUILD_COLUMNS} FROM projection_builds WHERE build_id = $1`, [options.buildId]);
  if (!loaded.rows[0]) return 'fenced';
  let build = toBuild(loaded.rows[0]);
  if (build.status !== 'building' && build.status !== 'active') return 'fenced';
  await options.onProgress(build);

  /** Resolves false when fenced. */
  const committed = async (sent: Promise<BatchOutcome>): Promise<boolean> => {
    const outcome = await sent;
    if (!outcome.committed) return false;
    build = { ...build, checkpoint: outcome.checkpoint, status: outcome.status };
    await options.onProgress(build);
    return true;
  };
  const context = createHandlerContext(options.store);
  const statements = new WriteStatements(pool, build.schemaName);
  // A commit that fails or is fenced while the next batch is awaited ends the wait, so that
  // a last full batch's failure is not left unnoticed until more events arrive.
  const failed = new AbortController();
  let sent = build.checkpoint;
  let inFlight: Promise<boolean> | undefined;
  // Stopped in the finally below: a subscription counts for the other readers until stopped.
  const subscription = options.catchUp.subscribe(build.checkpoint, options.batchSizes.min, options.expected);
  try {
    for await (const batch of eventBatches(subscription, options.batchSizes, AbortSignal.any([signal, failed.signal]))) {
      const fresh = eventsAfter(batch, sent);
      if (fresh.length === 0) continue;
      const message = await batchMessage(definition, build, sent, fresh, context, statements);
      if (inFlight && !(await inFlight)) return 'fenced';
      inFlight = committed(options.sender.send(message));
      // Awaited later, before the next batch is sent (its failure is thrown there).
      inFlight.then((ok) => ok || failed.abort(), () => failed.abort());
      sent = message.last;
      if (fresh.length < options.batchSizes.max) {
        const done = inFlight;
        inFlight = undefined;
        if (!(await done)) return 'fenced';
      } else {
        await options.sender.written();
      }
    }
    if (inFlight && !(await inFlight)) return 'fenced';
    return 'stopped';
  } finally {
    // A failure while the last batch commits: let it settle, so that following again
    // starts from where it left the checkpoint.
    await inFlight?.catch(() => undefined);
    await subscription.stop();
  }
}
