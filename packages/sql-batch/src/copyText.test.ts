import { copyChunks } from './copyText.js';
import { UnsupportedSqlValueError } from './sqlLiteral.js';

const columns = { names: ['id', 'label', 'flag', 'amount', 'details', 'tags'], arrays: new Set(['tags']) };

describe('copyChunks', () => {
  it("writes each row as one line of COPY's text format, escaping what would end a field or a row", () => {
    const chunk = Buffer.concat(copyChunks(columns, [
      { id: 1, label: 'tab\there, line\nbreak\r, back\\slash', flag: true, amount: 2.5, details: { note: 'a\\b\nc' }, tags: ['x,y', 'q"d', null] },
      { id: 2, label: '\\N', flag: false },
      { id: 3, label: 'æøå → ✓' },
    ])).toString('utf8');
    expect(chunk).toBe([
      '1\ttab\\there, line\\nbreak\\r, back\\\\slash\tt\t2.5\t{"note":"a\\\\\\\\b\\\\nc"}\t{"x,y","q\\\\"d",NULL}\n',
      '2\t\\\\N\tf\t\\N\t\\N\t\\N\n',
      '3\tæøå → ✓\t\\N\t\\N\t\\N\t\\N\n',
    ].join(''));
  });

  it('cuts the data into buffers of whole rows of about the chunk size, a longer row ending one, and loses no byte', () => {
    const rows = Array.from({ length: 50 }, (_, id) => ({ id, label: id === 20 ? 'ø'.repeat(300) : `rad ${id} æ`.repeat(3) }));
    const chunks = copyChunks(columns, rows, 100);
    expect(chunks.length).toBeGreaterThan(10);
    const texts = chunks.map((chunk) => chunk.toString('utf8'));
    for (const text of texts) expect(text.endsWith('\n')).toBe(true);
    // Every buffer but the last reached the chunk size; none went on past a row beyond it.
    for (const text of texts.slice(0, -1)) expect(text.length).toBeGreaterThanOrEqual(100);
    for (const text of texts) expect(text.slice(0, text.slice(0, -1).lastIndexOf('\n') + 1).length).toBeLessThan(100);
    expect(texts.some((text) => text.endsWith(`${'ø'.repeat(300)}\t\\N\t\\N\t\\N\t\\N\n`))).toBe(true);
    const lines = texts.join('').split('\n').slice(0, -1);
    expect(lines).toEqual(rows.map((row) => `${row.id}\t${row.label}\t\\N\t\\N\t\\N\t\\N`));
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => copyChunks(columns, [{ amount: Number.POSITIVE_INFINITY }])).toThrow(UnsupportedSqlValueError);
    expect(() => copyChunks(columns, [{ tags: [{ nested: true }] }])).toThrow(UnsupportedSqlValueError);
  });
});
