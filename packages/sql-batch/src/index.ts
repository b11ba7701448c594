export { inlineParameters, quoteText, sqlLiteral, UnsupportedSqlValueError, type SqlValue } from './sqlLiteral.js';
export { queryMany, type Statement } from './queryMany.js';
