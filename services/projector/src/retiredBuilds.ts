import { escapeIdentifier, type Pool } from 'pg';
import { lockProjectionCatalog } from './projectionBuilds.js';
import { inTransaction } from './transaction.js';

/** Abandons a build that will never serve (a rebuild of a version that has been superseded). */
export async function retireBuild(pool: Pool, name: string, buildId: number): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await lockProjectionCatalog(tx, name);
    await tx.query(`UPDATE projection_builds SET status = 'retired', retired_at = now() WHERE build_id = $1 AND status = 'building'`, [buildId]);
  });
}

/**
 * Drops the tables of retired builds. Separate from the switch-over so a reader still
 * in a query on the old tables only delays this, never the switch; a crash in between
 * leaves them retired, and the next start drops them.
 */
export async function dropRetiredBuilds(pool: Pool, name: string): Promise<number[]> {
  const retired = await pool.query<{ build_id: string; schema_name: string }>(
    `SELECT build_id, schema_name FROM projection_builds WHERE name = $1 AND status = 'retired' ORDER BY build_id`, [name]);
  for (const row of retired.rows) {
    await inTransaction(pool, async (tx) => {
      await tx.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(row.schema_name)} CASCADE`);
      await tx.query(`UPDATE projection_builds SET status = 'dropped' WHERE build_id = $1`, [row.build_id]);
    });
  }
  return retired.rows.map((row) => Number(row.build_id));
}
