/** A value a statement can take inline: what handlers pass as query parameters. */
export type SqlValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean | null)[] | object;

/** A statement with `$1`… parameters and their values, as for `pg`'s query. */
export interface Statement {
  text: string;
  values?: readonly SqlValue[];
}

export class UnsupportedSqlValueError extends Error {
  readonly code = 'unsupported_sql_value';
  constructor(reason: string) {
    super(`Cannot write this value into SQL: ${reason}`);
    this.name = new.target.name;
  }
}

/**
 * A string constant PostgreSQL reads back as exactly `text` whatever its
 * standard_conforming_strings setting: dollar-quoted, which takes its content as it is,
 * so megabytes of a catch-up batch's JSON are scanned once rather than copied with every
 * quote doubled. The tag is one the text cannot close early: not in the text, and not
 * completed by the text's end (text ending in `$v` followed by `$v$`).
 */
export function quoteText(text: string): string {
  for (let attempt = 0; ; attempt += 1) {
    const tag = `$v${attempt === 0 ? '' : attempt}$`;
    // After a space: `$` continues an identifier, so `x$1` must not become a longer name.
    if (!text.includes(tag) && !text.endsWith(tag.slice(0, -1))) return ` ${tag}${text}${tag}`;
  }
}

/** `{"a","b",NULL}`: a one-dimensional array constant; the statement casts it (`::uuid[]`). */
export function arrayText(values: readonly unknown[]): string {
  return `{${values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'object') throw new UnsupportedSqlValueError('arrays hold only strings, numbers and booleans');
    return `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }).join(',')}}`;
}

/** The value as an SQL constant, to be cast by the statement where its type is not plain. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UnsupportedSqlValueError(`${value} is not a finite number`);
    // In parentheses when negative: `x-$1` must not become the comment `x--1`.
    return value < 0 ? `(${value})` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quoteText(value);
  if (value instanceof Date) return quoteText(value.toISOString());
  if (Array.isArray(value)) return quoteText(arrayText(value));
  return quoteText(JSON.stringify(value));
}

/**
 * The statement with each `$n` replaced by its value as a constant, so that several
 * statements can travel in one simple-protocol message (which takes no parameters).
 * Statement texts are the projector's own and name no `$` other than their parameters.
 */
export function inlineParameters(text: string, values: readonly SqlValue[]): string {
  return text.replace(/\$(\d+)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= values.length) throw new UnsupportedSqlValueError(`$${digits} has no value`);
    return sqlLiteral(values[index]);
  });
}
