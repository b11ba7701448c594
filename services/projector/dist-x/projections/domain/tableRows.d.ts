import type { BatchWrites, TableRow as Row } from '../../batchWrites.js';
import type { StreamProgress } from './streamStates.js';
/** The rows of one table a stream's state derives (e.g. a course's admissions); none for a stream not yet begun. */
export type RowsOf<S> = (streamId: string, state: S) => readonly Row[];
export declare class DuplicateRowKeyError extends Error {
    constructor(table: string, key: string);
}
/**
 * Replaces the rows the batch changed, comparing the rows each stream's state derives
 * after the batch with those it derived before (what the table holds, as every batch
 * leaves the rows its states derive), row by row on the table's primary key: a step held
 * in a plan of twenty rewrites one row, not twenty, and an event that changes none of a
 * table's rows costs the database nothing. Returns the streams with any row rewritten.
 */
export declare function replaceChangedRows<S extends object>(writes: BatchWrites, table: string, keyColumns: readonly string[], streams: readonly StreamProgress<S>[], rowsOf: RowsOf<S>): string[];
/** Inserts rows keyed by something each event has once (its position); rows already there stay as they are. */
export declare function insertNewRows(writes: BatchWrites, table: string, rows: readonly Row[]): void;
//# sourceMappingURL=tableRows.d.ts.map