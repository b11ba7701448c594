import type { RecordedEvent } from '@medfri/event-store';
import { DatabaseError, escapeIdentifier, type Pool, type QueryResult } from 'pg';
import type { HandlerContext } from './handlerContext.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { BatchWrites } from './sql/batchWrites.js';
import { inlineParameters } from './sql/sqlLiteral.js';

export type BatchOutcome =
  | { committed: true; checkpoint: number; status: 'building' | 'active' }
  /**
   * The build is not where this follower thought: another instance moved its checkpoint
   * (it lost its lock mid-batch), or it was retired. Nothing was written.
   */
  | { committed: false };

/** Raised by projector_advance_checkpoint when the build is not at the follower's checkpoint. */
const FENCED = 'MF001';

/**
 * Applies a batch and advances the build's checkpoint in one transaction: after a
 * crash either both happened or neither, so re-delivery resumes exactly after the last
 * committed batch. The handler only says what to write; the checkpoint's advance and its
 * statements then go as one multi-statement message, which PostgreSQL runs as one
 * implicit transaction, rolled back whole if any statement fails. The advance comes first
 * and only succeeds from the checkpoint this follower started from, which fences out a
 * former holder of the lock. `events` are those after `after`, in position order.
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
  const writes = new BatchWrites();
  if (relevant.length > 0) await definition.handle(relevant, writes, context);
  // Listeners are told only of changes; NOTIFY is delivered only if the transaction commits.
  const notify = writes.size > 0 ? `${definition.name}:${last}` : null;
  const advance = inlineParameters('SELECT projector_advance_checkpoint($1, $2, $3, $4, $5) AS status',
    [build.buildId, after, last, escapeIdentifier(build.schemaName), notify]);
  let results: QueryResult | QueryResult[];
  try {
    results = await pool.query([advance, ...writes.statements].join(';\n'));
  } catch (error) {
    if (error instanceof DatabaseError && error.code === FENCED) return { committed: false };
    throw error;
  }
  const advanced = (Array.isArray(results) ? results[0] : results) as QueryResult<{ status: 'building' | 'active' }>;
  const status = advanced.rows[0]?.status;
  if (!status) throw new Error(`advancing build ${build.buildId} returned no status`);
  return { committed: true, checkpoint: last, status };
}
