export { inlineParameters, quoteText, sqlLiteral, UnsupportedSqlValueError, type SqlValue, type Statement } from './sqlLiteral.js';
export { PreparedStatements, type Execution, type PreparedStatement } from './preparedStatements.js';
export { copyChunks, type CopyColumns } from './copyText.js';
export { runInOneRoundTrip, type MessageStatement, type StatementRows } from './oneRoundTrip.js';
