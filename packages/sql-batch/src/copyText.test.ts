import { copyChunks } from './copyText.js';
import { UnsupportedSqlValueError } from './sqlLiteral.js';

const columns = { names: ['id', 'label', 'flag', 'amount', 'details', 'tags'], arrays: new Set(['tags']) };

describe('copyChunks', () => {
  it("writes each row as one line of COPY's text format, escaping what would end a field or a row", () => {
    const [chunk] = copyChunks(columns, [
      { id: 1, label: 'tab\there, line\nbreak\r, back\\slash', flag: true, amount: 2.5, details: { note: 'a\\b\nc' }, tags: ['x,y', 'q"d', null] },
      { id: 2, label: '\\N', flag: false },
    ]);
    expect(chunk).toBe([
      '1\ttab\\there, line\\nbreak\\r, back\\\\slash\tt\t2.5\t{"note":"a\\\\\\\\b\\\\nc"}\t{"x,y","q\\\\"d",NULL}\n',
      '2\t\\\\N\tf\t\\N\t\\N\t\\N\n',
    ].join(''));
  });

  it('cuts chunks between rows only', () => {
    const rows = Array.from({ length: 50 }, (_, id) => ({ id, label: 'x'.repeat(30) }));
    const chunks = copyChunks(columns, rows, 100);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks.join('').split('\n').slice(0, -1).map((line) => Number(line.split('\t')[0]))).toEqual(rows.map((row) => row.id));
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => copyChunks(columns, [{ amount: Number.POSITIVE_INFINITY }])).toThrow(UnsupportedSqlValueError);
    expect(() => copyChunks(columns, [{ tags: [{ nested: true }] }])).toThrow(UnsupportedSqlValueError);
  });
});
