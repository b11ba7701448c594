import type { RecordedEvent } from '@medfri/event-store';
import { escapeIdentifier, type Pool } from 'pg';
import type { HandlerContext } from './handlerContext.js';
import { NOTIFY_CHANNEL } from './notifyChannel.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { inTransaction, Rollback } from './transaction.js';

export type BatchOutcome =
  | { committed: true; checkpoint: number; status: 'building' | 'active' }
  /**
   * The build is not where this follower thought: another instance moved its checkpoint
   * (it lost its lock mid-batch), or it was retired. Nothing was written.
   */
  | { committed: false };

/**
 * Applies a batch and advances the build's checkpoint in one transaction: after a
 * crash either both happened or neither, so re-delivery resumes exactly after the last
 * committed batch. The checkpoint update comes first and only succeeds from the
 * checkpoint this follower started from, which fences out a former holder of the lock.
 * `events` are those after `after`, in position order.
 */
export async function applyBatch(
  pool: Pool,
  definition: ProjectionDefinition,
  build: Pick<Build, 'buildId' | 'schemaName'>,
  after: number,
  events: readonly RecordedEvent[],
  context: HandlerContext,
): Promise<BatchOutcome> {
  const last = events.at(-1)?.position ?? after;
  const types = definition.eventTypes ? new Set(definition.eventTypes) : undefined;
  const relevant = types ? events.filter((event) => types.has(event.type)) : events;

  return inTransaction<BatchOutcome>(pool, async (tx) => {
    // One round trip for the fence, the build's search path and, for a serving build that
    // changes, the notification: NOTIFY is only delivered if the transaction commits.
    const fence = await tx.query<{ status: 'building' | 'active' }>(
      `UPDATE projection_builds SET checkpoint = $3
       WHERE build_id = $1 AND checkpoint = $2 AND status IN ('building', 'active')
       RETURNING status, set_config('search_path', $4, true) AS search_path,
         CASE WHEN status = 'active' AND $5 THEN pg_notify($6, $7) END AS notified`,
      [build.buildId, after, last, escapeIdentifier(build.schemaName), relevant.length > 0, NOTIFY_CHANNEL, `${definition.name}:${last}`]);
    const status = fence.rows[0]?.status;
    if (!status) return new Rollback({ committed: false });
    if (relevant.length > 0) await definition.handle(relevant, tx, context);
    return { committed: true, checkpoint: last, status };
  });
}
