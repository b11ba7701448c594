import { DatabaseError, escapeIdentifier, type PoolClient } from 'pg';

/** Where other services read: one stable view per read-model table, whatever build is behind it. */
export const VIEW_SCHEMA = 'read_models';

/** Tables of a build that are read models (not the handler's private `_` tables). */
async function readModelTables(tx: PoolClient, schema: string): Promise<string[]> {
  const result = await tx.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND left(tablename, 1) <> '_' ORDER BY tablename`, [schema]);
  return result.rows.map((row) => row.tablename);
}

export class ViewNameTakenError extends Error {
  readonly code = 'view_name_taken';
  constructor(readonly view: string) {
    super(`${VIEW_SCHEMA}.${view} already exists and belongs to another projection: read-model table names must be unique`);
    this.name = new.target.name;
  }
}

/** Points `read_models.<table>` at the build's tables. */
export async function showBuild(tx: PoolClient, schema: string): Promise<void> {
  for (const table of await readModelTables(tx, schema)) {
    try {
      await tx.query(`CREATE VIEW ${VIEW_SCHEMA}.${escapeIdentifier(table)} AS SELECT * FROM ${escapeIdentifier(schema)}.${escapeIdentifier(table)}`);
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '42P07') throw new ViewNameTakenError(table);
      throw error;
    }
  }
}

/** Removes the views onto the build's tables, so its schema can be dropped without cascading. */
export async function hideBuild(tx: PoolClient, schema: string): Promise<void> {
  for (const table of await readModelTables(tx, schema)) {
    await tx.query(`DROP VIEW IF EXISTS ${VIEW_SCHEMA}.${escapeIdentifier(table)}`);
  }
}
