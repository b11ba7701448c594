import { DatabaseError, type Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import { sqlLiteral, UnsupportedSqlValueError, type SqlValue } from './sqlLiteral.js';

/** A statement with `$1`… parameters, typed by how the text uses them (cast where that is not plain). */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** A prepared statement to run, with its values. */
export interface Execution {
  readonly statement: PreparedStatement;
  readonly values: readonly SqlValue[];
}

const NAME = /^[a-z][a-z0-9_]{0,47}$/;

/** PostgreSQL's "cached plan must not change result type": a view under the statement was replaced with other columns. */
const RESULT_TYPE_CHANGED = '0A000';

/**
 * Statements PostgreSQL parses and plans once per connection, run several at a time in one
 * message: `EXECUTE` of each, with values written inline. Planning is what a small read
 * costs most; a message of ad hoc statements plans every one of them every time. A
 * connection gets the statements (PREPARE) in the same message as its first run. A failed
 * run closes its connection, so no connection keeps statements in a state not known here;
 * a run failing because a view changed its columns (a projection's new version switched
 * over) is tried again on another connection, until one prepares the statements afresh.
 */
export class PreparedStatements {
  private readonly prepared = new WeakSet<PoolClient>();
  private readonly names = new Map<PreparedStatement, string>();

  /** `namespace` keeps the statements' names apart from others prepared on the same connections: one instance per namespace. */
  constructor(namespace: string, statements: readonly PreparedStatement[]) {
    for (const statement of statements) {
      const name = `${namespace}_${statement.name}`;
      if (!NAME.test(name)) throw new UnsupportedSqlValueError(`"${name}" is not a plain lower-case statement name`);
      this.names.set(statement, name);
    }
  }

  /** Each execution's rows, in order, typed as `pg`'s own query types them. */
  async query(pool: Pool, executions: readonly Execution[]): Promise<QueryResultRow[][]> {
    // Each connection of the pool may hold the old plan; each failed run closes one.
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.run(pool, executions);
      } catch (error) {
        const stale = error instanceof DatabaseError && error.code === RESULT_TYPE_CHANGED;
        if (!stale || attempt >= pool.options.max) throw error;
      }
    }
  }

  private async run(pool: Pool, executions: readonly Execution[]): Promise<QueryResultRow[][]> {
    if (executions.length === 0) return [];
    const texts = executions.map(({ statement, values }) => {
      const name = this.nameOf(statement);
      return values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.map(sqlLiteral).join(', ')})`;
    });
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      const preparing = this.prepared.has(client) ? [] : [...this.names].map(([statement, name]) => `PREPARE ${name} AS ${statement.text}`);
      const result = await client.query([...preparing, ...texts].join(';\n')) as QueryResult | QueryResult[];
      this.prepared.add(client);
      return (Array.isArray(result) ? result : [result]).slice(preparing.length).map((each) => each.rows);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // Released with the error, pg-pool closes the connection rather than reusing it.
      client.release(failure);
    }
  }

  private nameOf(statement: PreparedStatement): string {
    const name = this.names.get(statement);
    if (name === undefined) throw new UnsupportedSqlValueError(`statement "${statement.name}" was not given to this PreparedStatements`);
    return name;
  }
}
