import { createTestDatabase } from '@medfri/test-kit/database';
import { DatabaseError, Pool, type PoolClient } from 'pg';
import { copyChunks } from './copyText.js';
import { runInOneRoundTrip } from './oneRoundTrip.js';

let pool: Pool;
let client: PoolClient;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase(), max: 2 });
  client = await pool.connect();
});
afterAll(async () => {
  client.release();
  await pool.end();
});
beforeEach(async () => {
  await client.query('DROP TABLE IF EXISTS trip_items, trip_notes; CREATE TABLE trip_items (id int PRIMARY KEY, label text, tags text[]); CREATE TABLE trip_notes (id int PRIMARY KEY, body jsonb)');
});

const items = { names: ['id', 'label', 'tags'], arrays: new Set(['tags']) };
const notes = { names: ['id', 'body'], arrays: new Set<string>() };
const rowsOf = async (table: string) => (await client.query(`SELECT * FROM ${table} ORDER BY id`)).rows;

describe('runInOneRoundTrip', () => {
  it('runs statements and several COPYs in order in one message, answering each statement\'s rows', async () => {
    const itemRows = Array.from({ length: 3000 }, (_, index) => ({ id: index, label: index % 2 ? `tab\there ${index}` : null, tags: ['a', `b${index}`] }));
    const results = await runInOneRoundTrip(client, [
      { text: "SELECT 41 + 1 AS answer, 'x'::text AS letter, ARRAY['building','active'] AS statuses" },
      { text: 'COPY trip_items (id, label, tags) FROM STDIN', copyData: copyChunks(items, itemRows, 4096) },
      { text: 'UPDATE trip_items SET label = \'changed\' WHERE id = 7' },
      { text: 'COPY trip_notes (id, body) FROM STDIN', copyData: copyChunks(notes, [{ id: 1, body: { said: 'line\nbreak' } }]) },
      { text: 'SELECT count(*)::int AS items FROM trip_items' },
    ]);
    expect(results).toEqual([[{ answer: 42, letter: 'x', statuses: ['building', 'active'] }], [], [], [], [{ items: 3000 }]]);
    const stored = await rowsOf('trip_items');
    expect(stored).toHaveLength(3000);
    expect(stored[1]).toEqual({ id: 1, label: 'tab\there 1', tags: ['a', 'b1'] });
    expect(stored[7]?.label).toBe('changed');
    expect(await rowsOf('trip_notes')).toEqual([{ id: 1, body: { said: 'line\nbreak' } }]);
  });

  it('rolls the whole message back when a COPY fails, and the connection goes on working', async () => {
    const failing = runInOneRoundTrip(client, [
      { text: 'INSERT INTO trip_notes VALUES (1, \'{}\')' },
      { text: 'COPY trip_items (id, label, tags) FROM STDIN', copyData: copyChunks(items, [{ id: 1 }, { id: 1 }]) },
      { text: 'COPY trip_notes (id, body) FROM STDIN', copyData: copyChunks(notes, [{ id: 2, body: {} }]) },
    ]);
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await rowsOf('trip_items')).toEqual([]);
    expect(await rowsOf('trip_notes')).toEqual([]);
    expect((await client.query('SELECT 1 AS still')).rows).toEqual([{ still: 1 }]);
  });

  it('discards the data of COPYs after a statement that failed before them', async () => {
    const failing = runInOneRoundTrip(client, [
      { text: 'SELECT 1 / 0' },
      { text: 'COPY trip_items (id, label, tags) FROM STDIN', copyData: copyChunks(items, [{ id: 1 }]) },
    ]);
    await expect(failing).rejects.toBeInstanceOf(DatabaseError);
    const after = await runInOneRoundTrip(client, [{ text: 'COPY trip_items (id, label, tags) FROM STDIN', copyData: copyChunks(items, [{ id: 2 }]) }]);
    expect(after).toEqual([[]]);
    expect(await rowsOf('trip_items')).toEqual([{ id: 2, label: null, tags: null }]);
  });

  it('fails a COPY given no data instead of waiting for it', async () => {
    await expect(runInOneRoundTrip(client, [{ text: 'COPY trip_items (id) FROM STDIN' }])).rejects.toThrow(/no data was given/);
    expect(await rowsOf('trip_items')).toEqual([]);
    expect((await client.query('SELECT 2 AS still')).rows).toEqual([{ still: 2 }]);
  });
});
