import { inlineParameters, sqlLiteral, UnsupportedSqlValueError } from './sqlLiteral.js';

describe('sqlLiteral', () => {
  it('dollar-quotes text with a tag the text cannot close early', () => {
    expect(sqlLiteral("O'Brien \\ \"x\"")).toBe(" $v$O'Brien \\ \"x\"$v$");
    expect(sqlLiteral('has $v$ inside')).toBe(' $v1$has $v$ inside$v1$');
    expect(sqlLiteral('ends in $v')).toBe(' $v1$ends in $v$v1$');
    expect(sqlLiteral('$v$ and ends in $v1')).toBe(' $v2$$v$ and ends in $v1$v2$');
    // Never glued to a name before it, which `$` would continue.
    expect(inlineParameters('SELECT 1 AS x$1', ['a'])).toBe('SELECT 1 AS x $v$a$v$');
  });

  it('writes numbers, booleans, NULL, dates, arrays and JSON', () => {
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-1.5)).toBe('(-1.5)');
    expect(inlineParameters('SELECT 2-$1', [-1])).toBe('SELECT 2-(-1)');
    expect(sqlLiteral(false)).toBe('false');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(new Date('2026-01-02T03:04:05.000Z'))).toBe(' $v$2026-01-02T03:04:05.000Z$v$');
    expect(sqlLiteral(['a', null, 3])).toBe(' $v${"a",NULL,"3"}$v$');
    expect(sqlLiteral({ name: "it's" })).toBe(' $v${"name":"it\'s"}$v$');
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(UnsupportedSqlValueError);
    expect(() => sqlLiteral([{ nested: true }] as unknown as string[])).toThrow(UnsupportedSqlValueError);
  });
});

describe('inlineParameters', () => {
  it('replaces every $n by its value, $10 included', () => {
    const values = Array.from({ length: 10 }, (_, index) => index + 1);
    expect(inlineParameters('SELECT $1, $10, $2::text', values)).toBe('SELECT 1, 10, 2::text');
  });

  it('refuses a parameter without a value', () => {
    expect(() => inlineParameters('SELECT $2', ['only one'])).toThrow(UnsupportedSqlValueError);
  });
});
