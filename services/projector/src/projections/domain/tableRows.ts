import type { BatchWrites, TableRow as Row } from '../../batchWrites.js';
import type { StreamProgress } from './streamStates.js';

/** The rows of one table a stream's state derives (e.g. a course's admissions); none for a stream not yet begun. */
export type RowsOf<S> = (streamId: string, state: S) => readonly Row[];

/** Each row by its primary key (see keyOf). */
type KeyedRows = ReadonlyMap<unknown, Row>;

/**
 * Rows derived from a state, keyed, kept beside the (immutable) state object: the state
 * after one batch is the state before the next, whose rows are then compared for free.
 */
const derived = new WeakMap<object, Map<RowsOf<never>, { streamId: string; rows: KeyedRows }>>();

export class DuplicateRowKeyError extends Error {
  constructor(table: string, key: string) {
    super(`Rows derived for ${table} share the key ${key}`);
    this.name = new.target.name;
  }
}

/**
 * A row's key in memory: the key column's value itself (nothing made per row: every batch
 * keys each changed stream's rows again), or the values joined when the key has several.
 */
function keyOf(keyColumns: readonly string[], row: Row): unknown {
  const values = row as Readonly<Record<string, unknown>>;
  if (keyColumns.length === 1) return values[keyColumns[0] as string];
  return keyColumns.map((column) => String(values[column])).join('\u0000');
}

/** A row's key as a JSON object of its key columns (plain identifiers), written without the object. */
function keyJson(keyColumns: readonly string[], row: Row): string {
  let key = '{';
  for (const column of keyColumns) key += `${key.length > 1 ? ',' : ''}"${column}":${JSON.stringify((row as Record<string, unknown>)[column])}`;
  return `${key}}`;
}

/**
 * Whether two rows hold the same values: equal primitives, or the same JSON for arrays
 * and objects. Rows derived from states share their unchanged parts, so this mostly
 * compares primitives; writing every row out as JSON to compare it cost more than
 * deriving it, and kept those strings as long as the states.
 */
function sameRow(a: Row, b: Row): boolean {
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  let columns = 0;
  for (const column in left) {
    columns += 1;
    const value = left[column];
    const other = right[column];
    if (value === other) continue;
    if (typeof value !== 'object' || typeof other !== 'object' || value === null || other === null) return false;
    if (JSON.stringify(value) !== JSON.stringify(other)) return false;
  }
  for (const _column in right) columns -= 1;
  return columns === 0;
}

function keyedRows<S extends object>(table: string, keyColumns: readonly string[], rowsOf: RowsOf<S>, streamId: string, state: S): KeyedRows {
  let known = derived.get(state);
  const hit = known?.get(rowsOf as RowsOf<never>);
  if (hit?.streamId === streamId) return hit.rows;
  const rows = new Map<unknown, Row>();
  for (const row of rowsOf(streamId, state)) {
    const key = keyOf(keyColumns, row);
    if (rows.has(key)) throw new DuplicateRowKeyError(table, keyJson(keyColumns, row));
    rows.set(key, row);
  }
  if (!known) {
    known = new Map();
    derived.set(state, known);
  }
  known.set(rowsOf as RowsOf<never>, { streamId, rows });
  return rows;
}

/**
 * Replaces the rows the batch changed, comparing the rows each stream's state derives
 * after the batch with those it derived before (what the table holds, as every batch
 * leaves the rows its states derive), row by row on the table's primary key: a step held
 * in a plan of twenty rewrites one row, not twenty, and an event that changes none of a
 * table's rows costs the database nothing. Returns the streams with any row rewritten.
 */
export function replaceChangedRows<S extends object>(
  writes: BatchWrites, table: string, keyColumns: readonly string[], streams: readonly StreamProgress<S>[], rowsOf: RowsOf<S>,
): string[] {
  const rewritten: string[] = [];
  const gone: string[] = [];
  const rows: Row[] = [];
  for (const { streamId, before, state } of streams) {
    if (before === state) continue;
    const now = keyedRows(table, keyColumns, rowsOf, streamId, state);
    const held = keyedRows(table, keyColumns, rowsOf, streamId, before);
    if (now === held) continue;
    const changes = rows.length + gone.length;
    for (const [key, row] of held) {
      const current = now.get(key);
      if (!current || !sameRow(row, current)) gone.push(keyJson(keyColumns, row));
    }
    for (const [key, row] of now) {
      const previous = held.get(key);
      if (!previous || !sameRow(row, previous)) rows.push(row);
    }
    if (rows.length + gone.length > changes) rewritten.push(streamId);
  }
  if (gone.length > 0) {
    const matches = keyColumns.map((column) => `${table}.${column} = gone.${column}`).join(' AND ');
    writes.add(`DELETE FROM ${table} USING jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS gone WHERE ${matches}`, [`[${gone.join(',')}]`]);
  }
  writes.insert(table, rows, { skipExisting: false });
  return rewritten;
}

/** Inserts rows keyed by something each event has once (its position); rows already there stay as they are. */
export function insertNewRows(writes: BatchWrites, table: string, rows: readonly Row[]): void {
  writes.insert(table, rows, { skipExisting: true });
}
