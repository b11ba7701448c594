import type { PoolClient } from 'pg';

/** A row as a JSON object keyed by column name. */
type Row = object;

/**
 * Rows as JSON objects keyed by column name, turned into the table's row type by
 * PostgreSQL: one statement per table however many columns, missing keys are NULL.
 */
const populate = (table: string) => `SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;

/**
 * Replaces every row of the given keys (e.g. the courses a batch touched) with rows
 * derived afresh: applying the same state twice leaves the same rows.
 */
export async function replaceRows(tx: PoolClient, table: string, keyColumn: string, keys: readonly string[], rows: readonly Row[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(`DELETE FROM ${table} WHERE ${keyColumn} = ANY($1)`, [keys]);
  if (rows.length > 0) await tx.query(`INSERT INTO ${table} ${populate(table)}`, [JSON.stringify(rows)]);
}

/** Inserts rows keyed by something each event has once (its position); rows already there stay as they are. */
export async function insertNewRows(tx: PoolClient, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length > 0) await tx.query(`INSERT INTO ${table} ${populate(table)} ON CONFLICT DO NOTHING`, [JSON.stringify(rows)]);
}
