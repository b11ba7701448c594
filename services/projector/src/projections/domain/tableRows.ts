import type { BatchWrites } from '../../batchWrites.js';
import type { StreamProgress } from './streamStates.js';

/** A row as a JSON object keyed by column name. */
type Row = object;

/** The rows of one table a stream's state derives (e.g. a course's admissions); none for a stream not yet begun. */
export type RowsOf<S> = (streamId: string, state: S) => readonly Row[];

/**
 * Rows as JSON objects keyed by column name, turned into the table's row type by
 * PostgreSQL: one statement per table however many columns, missing keys are NULL.
 */
const populate = (table: string) => `SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;

/**
 * Rows derived from a state, as JSON, kept beside the (immutable) state object: the state
 * after one batch is the state before the next, whose rows are then compared for free.
 */
const derived = new WeakMap<object, Map<RowsOf<never>, { streamId: string; json: string }>>();

function rowsJson<S extends object>(rowsOf: RowsOf<S>, streamId: string, state: S): string {
  let known = derived.get(state);
  const hit = known?.get(rowsOf as RowsOf<never>);
  if (hit?.streamId === streamId) return hit.json;
  const json = JSON.stringify(rowsOf(streamId, state));
  if (!known) {
    known = new Map();
    derived.set(state, known);
  }
  known.set(rowsOf as RowsOf<never>, { streamId, json });
  return json;
}

/**
 * Replaces the rows of every stream whose rows the batch changed, comparing those its
 * state derives after the batch with those it derived before (what the table holds, as
 * every batch leaves the rows its states derive). Most events change few of a stream's
 * tables; the others cost the database nothing. Returns the streams rewritten.
 */
export function replaceChangedRows<S extends object>(
  writes: BatchWrites, table: string, keyColumn: string, streams: readonly StreamProgress<S>[], rowsOf: RowsOf<S>,
): string[] {
  const keys: string[] = [];
  const rows: string[] = [];
  for (const { streamId, before, state } of streams) {
    if (before === state) continue;
    const json = rowsJson(rowsOf, streamId, state);
    if (json === rowsJson(rowsOf, streamId, before)) continue;
    keys.push(streamId);
    if (json !== '[]') rows.push(json.slice(1, -1));
  }
  if (keys.length === 0) return keys;
  writes.add(`DELETE FROM ${table} WHERE ${keyColumn} = ANY($1)`, [keys]);
  if (rows.length > 0) writes.add(`INSERT INTO ${table} ${populate(table)}`, [`[${rows.join(',')}]`]);
  return keys;
}

/** Inserts rows keyed by something each event has once (its position); rows already there stay as they are. */
export function insertNewRows(writes: BatchWrites, table: string, rows: readonly Row[]): void {
  if (rows.length > 0) writes.add(`INSERT INTO ${table} ${populate(table)} ON CONFLICT DO NOTHING`, [JSON.stringify(rows)]);
}
