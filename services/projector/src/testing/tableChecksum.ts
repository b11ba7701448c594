import type { Pool } from 'pg';

/** md5 over every row of a relation in a fixed order: equal contents, equal checksum. */
export async function tableChecksum(pool: Pool, relation: string, orderBy: string): Promise<{ rows: number; md5: string }> {
  const result = await pool.query<{ rows: string; md5: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${orderBy}), '')) AS md5 FROM ${relation} t`);
  return { rows: Number(result.rows[0]?.rows), md5: result.rows[0]?.md5 ?? '' };
}
