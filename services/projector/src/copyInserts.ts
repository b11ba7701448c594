import { copyChunks, type CopyColumns } from '@medfri/sql-batch';
import { escapeIdentifier, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Write } from './batchWrites.js';

type Insert = Extract<Write, { kind: 'insert' }>;

/**
 * Inserts rows with `COPY … FROM STDIN`, on a client inside the batch's transaction,
 * under its build's search path. COPY needs the table's column list, and array columns
 * take array input rather than JSON: both are read from the catalog once per build
 * schema (a build's tables never change; a new build is a new schema).
 */
export class CopyInserts {
  private readonly schemas = new Map<string, ReadonlyMap<string, CopyColumns>>();

  /** Reads the tables of the schemas not known yet, in one query. */
  async learn(client: PoolClient, schemaNames: readonly string[]): Promise<void> {
    const unknown = [...new Set(schemaNames)].filter((name) => !this.schemas.has(name));
    if (unknown.length === 0) return;
    const { rows } = await client.query<{ schema: string; table: string; names: string[]; arrays: string[] | null }>(
      `SELECT n.nspname AS schema, c.relname AS table,
              array_agg(a.attname::text ORDER BY a.attnum) AS names,
              array_agg(a.attname::text) FILTER (WHERE t.typcategory = 'A') AS arrays
         FROM pg_namespace n
         JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = ANY($1::text[])
        GROUP BY n.nspname, c.relname`,
      [unknown],
    );
    for (const name of unknown) this.schemas.set(name, new Map());
    for (const row of rows) {
      (this.schemas.get(row.schema) as Map<string, CopyColumns>).set(row.table, { names: row.names, arrays: new Set(row.arrays ?? []) });
    }
  }

  async copy(client: PoolClient, schemaName: string, insert: Insert): Promise<void> {
    const columns = this.schemas.get(schemaName)?.get(insert.table);
    if (!columns) throw new Error(`no table ${insert.table} in ${schemaName}`);
    const list = columns.names.map((name) => escapeIdentifier(name)).join(', ');
    const stream = client.query(copyFrom(`COPY ${escapeIdentifier(insert.table)} (${list}) FROM STDIN`));
    await pipeline(Readable.from(copyChunks(columns, insert.rows)), stream);
  }
}
