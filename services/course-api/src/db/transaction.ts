import type { Pool, PoolClient } from 'pg';

/** A pool or a client inside a transaction: repositories take either, so callers choose the boundary. */
export type Queryable = Pick<Pool, 'query'> | PoolClient;

/** Runs `work` in one transaction: all of its writes land, or none do. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await work(client);
    await client.query('COMMIT');
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
    // A connection that cannot even roll back is broken: destroy it instead of pooling it.
    client.release(!rolledBack);
    throw error;
  }
  client.release();
  return result;
}
