import { arrayText, UnsupportedSqlValueError } from './sqlLiteral.js';

/** A table's columns as COPY writes them: which take PostgreSQL's array input rather than JSON. */
export interface CopyColumns {
  readonly names: readonly string[];
  readonly arrays: ReadonlySet<string>;
}

// COPY's text format: a backslash starts an escape; tab, newline and carriage return end fields and rows.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const TAB = 0x09;
const NEWLINE = 0x0a;
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

/** UTF-8 takes at most three bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Rows (objects keyed by column name, a missing key is NULL) as the data of
 * `COPY <table> (<columns>) FROM STDIN` in text format, as UTF-8 in buffers of about
 * `chunkBytes` each (COPY takes its data cut anywhere, rows included): bulk loading this
 * way costs PostgreSQL a fraction of parsing the same rows from a JSON constant. Each
 * field is written straight into the buffer, so a batch of thousands of rows leaves no
 * strings behind for the garbage collector, only the buffers, which live outside the
 * JavaScript heap.
 */
export function copyChunks(columns: CopyColumns, rows: readonly object[], chunkBytes = 64 * 1024): Buffer[] {
  const chunks: Buffer[] = [];
  const last = columns.names.length - 1;
  const arrays = columns.names.map((name) => columns.arrays.has(name));
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  /** Writes the field and the byte ending it, starting a new buffer when they might not fit. */
  const put = (text: string, end: number): void => {
    if (used + text.length * MAX_BYTES_PER_UNIT + 1 > buffer.length) {
      const bytes = Buffer.byteLength(text) + 1;
      if (used + bytes > buffer.length) {
        if (used > 0) chunks.push(buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(Math.max(chunkBytes, bytes));
        used = 0;
      }
    }
    used += buffer.write(text, used);
    buffer[used] = end;
    used += 1;
  };
  for (const row of rows) {
    const values = row as Readonly<Record<string, unknown>>;
    for (let index = 0; index <= last; index += 1) {
      put(field(values[columns.names[index] as string], arrays[index] as boolean), index === last ? NEWLINE : TAB);
    }
  }
  if (used > 0) chunks.push(buffer.subarray(0, used));
  return chunks;
}
