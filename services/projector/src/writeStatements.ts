import { copyChunks, type CopyColumns, type MessageStatement } from '@medfri/sql-batch';
import { escapeIdentifier, type Pool } from 'pg';
import { inlineStatement, type BatchWrites, type Write } from './batchWrites.js';

/**
 * Rows from which an insert goes through COPY: PostgreSQL loads many rows several times
 * faster that way than parsed from a JSON constant in the message. A live batch's few rows
 * stay inline; either way the whole message is one round trip.
 */
const COPY_FROM_ROWS = 100;

type Tables = ReadonlyMap<string, CopyColumns>;
type Insert = Extract<Write, { kind: 'insert' }>;

/**
 * A build's batches' writes as the statements of their messages (see BatchSender):
 * statements as they are, inserts of few rows inline, inserts of many as
 * `COPY … FROM STDIN` with their data. The data is encoded here, while the batch before
 * commits, so that sending is only writing. COPY needs the table's column list, and array
 * columns take array input rather than JSON: both are read from the catalog once, when
 * first needed (a build's tables never change; a new build is a new schema).
 */
export class WriteStatements {
  private tables: Promise<Tables> | undefined;

  constructor(private readonly pool: Pool, private readonly schemaName: string) {}

  async of(writes: BatchWrites): Promise<MessageStatement[]> {
    const copied = (write: Write): write is Insert => write.kind === 'insert' && write.rows.length >= COPY_FROM_ROWS;
    const tables = writes.writes.some(copied) ? await this.readTablesOnce() : undefined;
    return writes.writes.map((write) => {
      if (!copied(write) || !tables) return { text: inlineStatement(write) };
      const columns = tables.get(write.table);
      if (!columns) throw new Error(`no table ${write.table} in ${this.schemaName}`);
      const list = columns.names.map((name) => escapeIdentifier(name)).join(', ');
      return { text: `COPY ${escapeIdentifier(write.table)} (${list}) FROM STDIN`, copyData: copyChunks(columns, write.rows) };
    });
  }

  private readTablesOnce(): Promise<Tables> {
    if (!this.tables) {
      this.tables = this.readTables();
      // Whoever asks next reads again.
      this.tables.catch(() => {
        this.tables = undefined;
      });
    }
    return this.tables;
  }

  private async readTables(): Promise<Tables> {
    const { rows } = await this.pool.query<{ table: string; names: string[]; arrays: string[] | null }>(
      `SELECT c.relname AS table,
              array_agg(a.attname::text ORDER BY a.attnum) AS names,
              array_agg(a.attname::text) FILTER (WHERE t.typcategory = 'A') AS arrays
         FROM pg_namespace n
         JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = $1
        GROUP BY c.relname`,
      [this.schemaName],
    );
    return new Map(rows.map((row) => [row.table, { names: row.names, arrays: new Set(row.arrays ?? []) }]));
  }
}
