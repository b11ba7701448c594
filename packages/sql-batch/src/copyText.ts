import { arrayText, UnsupportedSqlValueError } from './sqlLiteral.js';

/** A table's columns as COPY writes them: which take PostgreSQL's array input rather than JSON. */
export interface CopyColumns {
  readonly names: readonly string[];
  readonly arrays: ReadonlySet<string>;
}

// COPY's text format: a backslash starts an escape; tab, newline and carriage return end fields and rows.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escaped(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (special) => ESCAPES[special] as string) : text;
}

/** One field of COPY's text format: `\N` for NULL, arrays as array input for array columns, other objects as JSON. */
function field(value: unknown, array: boolean): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return escaped(value);
    case 'number':
      if (!Number.isFinite(value)) throw new UnsupportedSqlValueError(`${value} is not a finite number`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'object':
      if (value instanceof Date) return value.toISOString();
      if (array && Array.isArray(value)) return escaped(arrayText(value));
      return escaped(JSON.stringify(value));
    default:
      throw new UnsupportedSqlValueError(`a ${typeof value} has no SQL form`);
  }
}

/**
 * Rows (objects keyed by column name, a missing key is NULL) as the data of
 * `COPY <table> (<columns>) FROM STDIN` in text format, in chunks of whole rows of about
 * `chunkChars` each: bulk loading this way costs PostgreSQL a fraction of parsing the same
 * rows from a JSON constant. Each chunk is joined once from its fields, not grown field
 * by field, which would leave a string behind for every field of every row.
 */
export function copyChunks(columns: CopyColumns, rows: readonly object[], chunkChars = 64 * 1024): string[] {
  const chunks: string[] = [];
  const last = columns.names.length - 1;
  const arrays = columns.names.map((name) => columns.arrays.has(name));
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (let index = 0; index <= last; index += 1) {
      const text = field(values[columns.names[index] as string], arrays[index] as boolean);
      parts.push(text, index === last ? '\n' : '\t');
      size += text.length + 1;
    }
    if (size >= chunkChars) {
      chunks.push(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) chunks.push(parts.join(''));
  return chunks;
}
