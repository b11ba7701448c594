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
 * `COPY <table> (<columns>) FROM STDIN` in text format, as UTF-8 buffers of whole rows,
 * each encoded from the rows that first reach `chunkChars` characters of text (COPY takes
 * its data cut anywhere, so a buffer may end long after that): bulk loading this way costs
 * PostgreSQL a fraction of parsing the same rows from a JSON constant. A chunk's text is
 * built as one string and encoded once, which costs about two thirds of writing each field
 * into a buffer by itself; the strings live only until their chunk is encoded.
 */
export function copyChunks(columns: CopyColumns, rows: readonly object[], chunkChars = 32 * 1024): Buffer[] {
  const chunks: Buffer[] = [];
  const { names } = columns;
  const arrays = names.map((name) => columns.arrays.has(name));
  let text = '';
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (let index = 0; index < names.length; index += 1) {
      text += (index === 0 ? '' : '\t') + field(values[names[index] as string], arrays[index] as boolean);
    }
    text += '\n';
    if (text.length >= chunkChars) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  if (text.length > 0) chunks.push(Buffer.from(text));
  return chunks;
}
