import type { Pool } from 'pg';

/**
 * The projector's read models, read through its stable `read_models` views (never its
 * build tables, which a rebuild replaces). Rows are passed through as the view has them:
 * numeric and bigint columns arrive as strings, exact.
 */
export type Row = Record<string, unknown>;

export async function rows(pool: Pool, sql: string, values: readonly unknown[]): Promise<Row[]> {
  const result = await pool.query<Row>(sql, [...values]);
  return result.rows;
}
