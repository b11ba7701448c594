import type { Pool, PoolClient } from 'pg';
/** Marks a transaction to be rolled back without being an error, carrying what to return. */
export declare class Rollback<T> {
    readonly value: T;
    constructor(value: T);
}
/** Runs `work` in one transaction: committed when it returns, rolled back when it throws or returns a Rollback. */
export declare function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T | Rollback<T>>): Promise<T>;
//# sourceMappingURL=transaction.d.ts.map