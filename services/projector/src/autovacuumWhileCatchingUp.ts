import type { ClientBase, Pool } from 'pg';
import { inTransaction } from './transaction.js';

/** A table (pg_class as c) created paused and not resumed yet. */
const PAUSED = `'autovacuum_enabled=false' = ANY (c.reloptions)`;

/**
 * A new build's tables fill from zero while it catches up: a row or more per event, at
 * thousands of events a second. Autovacuum would meanwhile vacuum and analyze them over and
 * over (its insert thresholds), each time the whole table so far, on the cores the catch-up
 * needs: over 200,000 events it cost PostgreSQL 6 to 12 µs more per event whenever it came
 * (four alternated pairs). So a build's tables leave autovacuum out until the build has
 * caught up; then they are analyzed once, for the plans of the queries they are about to
 * serve, and autovacuum takes them back.
 */
export async function pauseAutovacuum(tx: ClientBase, schemaName: string): Promise<void> {
  for (const table of await tablesOf(tx, schemaName, 'all')) {
    await tx.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)`);
  }
}

/** Analyzes the build's paused tables and gives them back to autovacuum, in one transaction; nothing to do once done. */
export async function resumeAutovacuum(pool: Pool, schemaName: string): Promise<void> {
  await inTransaction(pool, async (tx) => {
    const paused = await tablesOf(tx, schemaName, 'paused');
    if (paused.length === 0) return;
    await tx.query(`ANALYZE ${paused.join(', ')}`);
    for (const table of paused) await tx.query(`ALTER TABLE ${table} RESET (autovacuum_enabled, toast.autovacuum_enabled)`);
  });
}

/** Whether a build's table is still left out of autovacuum: some build has not caught up since it was created. */
export async function anyBuildPaused(client: Pick<ClientBase, 'query'>): Promise<boolean> {
  const { rows } = await client.query<{ paused: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      JOIN projection_builds b ON b.schema_name = n.nspname
                     WHERE c.relkind = 'r' AND ${PAUSED}) AS paused`);
  return rows[0]?.paused ?? false;
}

/** The schema's tables, quoted and qualified. */
async function tablesOf(client: Pick<ClientBase, 'query'>, schemaName: string, which: 'all' | 'paused'): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r'
        AND ($2 = 'all' OR ${PAUSED})
      ORDER BY c.relname`,
    [schemaName, which]);
  return rows.map((row) => row.name);
}
