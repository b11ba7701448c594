import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { inlineParameters, type SqlValue } from './sqlLiteral.js';

/** A statement with `$1`… parameters and their values, as for `pg`'s query. */
export interface Statement {
  text: string;
  values?: readonly SqlValue[];
}

/**
 * Runs the statements as one message (one round trip) and answers each one's rows, in
 * order. PostgreSQL runs a message of several statements as one implicit transaction: if
 * any statement fails none has effect (each statement still takes its own snapshot under
 * READ COMMITTED). Rows are parsed by type exactly as with `pg`'s query (both use the
 * text format).
 */
export async function queryMany(db: Pool | PoolClient, statements: readonly Statement[]): Promise<QueryResultRow[][]> {
  if (statements.length === 0) return [];
  const text = statements.map((statement) => inlineParameters(statement.text, statement.values ?? [])).join(';\n');
  const result = await db.query(text) as QueryResult | QueryResult[];
  return (Array.isArray(result) ? result : [result]).map((each) => each.rows);
}
