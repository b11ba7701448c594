import { inlineParameters, quoteText, type SqlValue } from '@medfri/sql-batch';

/** A row as an object keyed by column name; a missing key is NULL. */
export type TableRow = object;

/**
 * What a handler asks for: a statement, or rows to insert into a table of its build.
 * Rows stay rows until the batch's message is made, which chooses how they travel: inline
 * when few, through COPY when many (see WriteStatements).
 */
export type Write =
  | { readonly kind: 'statement'; readonly text: string }
  | {
    readonly kind: 'insert';
    readonly table: string;
    readonly rows: readonly TableRow[];
    /**
     * Rows whose key is already there are left as they are (ON CONFLICT DO NOTHING) when
     * sent inline. Through COPY a conflict fails the batch instead; neither happens in
     * practice, as the checkpoint's advance in the same transaction applies every batch
     * once (see batchMessage).
     */
    readonly skipExisting: boolean;
  };

/**
 * The writes a projection's handler wants applied for a batch. The runtime sends them
 * with the checkpoint's advance in one transaction, in the order added: the handler
 * never waits on the database.
 */
export class BatchWrites {
  private readonly list: Write[] = [];

  /** A statement with `$1`… parameters, as for `pg`'s query; its values are written inline. */
  add(text: string, values: readonly SqlValue[] = []): void {
    this.list.push({ kind: 'statement', text: inlineParameters(text, values) });
  }

  /** Rows to insert into `table`, in order; nothing when there are none. */
  insert(table: string, rows: readonly TableRow[], options: { skipExisting: boolean }): void {
    if (rows.length === 0) return;
    this.list.push({ kind: 'insert', table, rows, skipExisting: options.skipExisting });
  }

  get size(): number {
    return this.list.length;
  }

  /** The writes in the order added. */
  get writes(): readonly Write[] {
    return this.list;
  }
}

/**
 * A write as a statement of a multi-statement message; an insert's rows as one JSON
 * constant that PostgreSQL turns into rows of the table (missing keys NULL). As json, not
 * jsonb: a json column then keeps each value's text as written, exactly as through COPY.
 */
export function inlineStatement(write: Write): string {
  if (write.kind === 'statement') return write.text;
  const conflict = write.skipExisting ? ' ON CONFLICT DO NOTHING' : '';
  return `INSERT INTO ${write.table} SELECT * FROM json_populate_recordset(NULL::${write.table},${quoteText(JSON.stringify(write.rows))}::json)${conflict}`;
}
