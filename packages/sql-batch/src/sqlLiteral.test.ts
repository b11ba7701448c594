import { inlineParameters, sqlLiteral, UnsupportedSqlValueError } from './sqlLiteral.js';

describe('sqlLiteral', () => {
  it('doubles quotes and uses the escape-string form only where a backslash needs it', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b\'c')).toBe(" E'a\\\\b''c'");
  });

  it('writes numbers, booleans, NULL, dates, arrays and JSON', () => {
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-1.5)).toBe('(-1.5)');
    expect(inlineParameters('SELECT 2-$1', [-1])).toBe('SELECT 2-(-1)');
    expect(sqlLiteral(false)).toBe('false');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(new Date('2026-01-02T03:04:05.000Z'))).toBe("'2026-01-02T03:04:05.000Z'");
    expect(sqlLiteral(['a', null, 3])).toBe(`'{"a",NULL,"3"}'`);
    expect(sqlLiteral({ name: "it's" })).toBe(`'{"name":"it''s"}'`);
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
