import { type SqlValue } from '@medfri/sql-batch';
/** A row as an object keyed by column name; a missing key is NULL. */
export type TableRow = object;
/**
 * What a handler asks for: a statement, or rows to insert into a table of its build.
 * Rows stay rows until sent, so the sender can choose how they travel: inline in the
 * batch's one message when few, through COPY when a catch-up batch brings thousands.
 */
export type Write = {
    readonly kind: 'statement';
    readonly text: string;
} | {
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
export declare class BatchWrites {
    private readonly list;
    private rowCount;
    /** A statement with `$1`… parameters, as for `pg`'s query; its values are written inline. */
    add(text: string, values?: readonly SqlValue[]): void;
    /** Rows to insert into `table`, in order; nothing when there are none. */
    insert(table: string, rows: readonly TableRow[], options: {
        skipExisting: boolean;
    }): void;
    get size(): number;
    /** Rows of every insert. */
    get rows(): number;
    /** The writes in the order added. */
    get writes(): readonly Write[];
}
/**
 * A write as a statement of a multi-statement message; an insert's rows as one JSON
 * constant that PostgreSQL turns into rows of the table (missing keys NULL).
 */
export declare function inlineStatement(write: Write): string;
//# sourceMappingURL=batchWrites.d.ts.map