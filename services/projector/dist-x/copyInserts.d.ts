import { type PoolClient } from 'pg';
import type { Write } from './batchWrites.js';
type Insert = Extract<Write, {
    kind: 'insert';
}>;
/**
 * Inserts rows with `COPY … FROM STDIN`, on a client inside the batch's transaction,
 * under its build's search path. COPY needs the table's column list, and array columns
 * take array input rather than JSON: both are read from the catalog once per build
 * schema (a build's tables never change; a new build is a new schema).
 */
export declare class CopyInserts {
    private readonly schemas;
    /** Reads the tables of the schemas not known yet, in one query. */
    learn(client: PoolClient, schemaNames: readonly string[]): Promise<void>;
    copy(client: PoolClient, schemaName: string, insert: Insert): Promise<void>;
}
export {};
//# sourceMappingURL=copyInserts.d.ts.map