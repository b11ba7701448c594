import type { StreamKind } from '@medfri/domain';
import type { PoolClient } from 'pg';
import type { DomainRecord } from './domainRecord.js';

/** How a stream's events fold into its state: a domain decider's `initialState` and `evolve`. */
export interface StreamFold<S> {
  kind: StreamKind;
  /** The build's private table keeping each stream's state (see `streamStatesTable`). */
  table: string;
  initialState: S;
  evolve(state: S, event: { type: string; data: unknown }): S;
}

/** One event of a stream applied to its state, for deriving rows from what changed. */
export interface Applied<S> {
  record: DomainRecord;
  before: S;
  after: S;
}

export interface StreamProgress<S> {
  streamId: string;
  state: S;
  applied: Applied<S>[];
}

/** DDL of the private table a StreamFold keeps its states in. */
export function streamStatesTable(table: string): string {
  return `CREATE TABLE ${table} (stream_id uuid PRIMARY KEY, state jsonb NOT NULL, last_position bigint NOT NULL)`;
}

/**
 * Folds the batch's events of one kind of stream into each stream's state with the
 * domain's own `evolve`, so read models follow the domain's rules instead of repeating
 * them. States persist in the build; an event at or before a stream's last position
 * is already in its state and is skipped, which makes re-application harmless.
 */
export async function foldStreams<S>(tx: PoolClient, fold: StreamFold<S>, records: readonly DomainRecord[]): Promise<StreamProgress<S>[]> {
  const mine = records.filter((record) => record.streamKind === fold.kind);
  if (mine.length === 0) return [];
  const ids = [...new Set(mine.map((record) => record.streamId))];
  const stored = await tx.query<{ stream_id: string; state: S; last_position: string }>(
    `SELECT stream_id, state, last_position FROM ${fold.table} WHERE stream_id = ANY($1::uuid[])`, [ids]);
  const known = new Map(stored.rows.map((row) => [row.stream_id, { state: row.state, lastPosition: Number(row.last_position) }]));

  const progress = new Map<string, StreamProgress<S> & { lastPosition: number }>();
  for (const record of mine) {
    const current = progress.get(record.streamId) ?? {
      streamId: record.streamId,
      state: known.get(record.streamId)?.state ?? fold.initialState,
      lastPosition: known.get(record.streamId)?.lastPosition ?? 0,
      applied: [],
    };
    progress.set(record.streamId, current);
    if (record.position <= current.lastPosition) continue;
    const after = fold.evolve(current.state, record.event);
    current.applied.push({ record, before: current.state, after });
    current.state = after;
    current.lastPosition = record.position;
  }

  const changed = [...progress.values()].filter((stream) => stream.applied.length > 0);
  await tx.query(
    `INSERT INTO ${fold.table} (stream_id, state, last_position)
     SELECT * FROM unnest($1::uuid[], $2::jsonb[], $3::bigint[])
     ON CONFLICT (stream_id) DO UPDATE SET state = excluded.state, last_position = excluded.last_position`,
    [changed.map((stream) => stream.streamId), changed.map((stream) => JSON.stringify(stream.state)), changed.map((stream) => stream.lastPosition)]);
  return changed.map(({ streamId, state, applied }) => ({ streamId, state, applied }));
}
