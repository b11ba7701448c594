import type { Pool, PoolClient } from 'pg';

/** Marks a transaction to be rolled back without being an error, carrying what to return. */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws or returns a Rollback. */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T | Rollback<T>>): Promise<T> {
  const tx = await pool.connect();
  let broken: unknown;
  try {
    await tx.query('BEGIN');
    const outcome = await work(tx);
    if (outcome instanceof Rollback) {
      await tx.query('ROLLBACK');
      return outcome.value;
    }
    await tx.query('COMMIT');
    return outcome;
  } catch (error) {
    broken = await tx.query('ROLLBACK').then(() => undefined, (rollbackError: unknown) => rollbackError);
    throw error;
  } finally {
    // A connection that could not even roll back is not handed to the next caller.
    tx.release(broken instanceof Error ? broken : undefined);
  }
}
