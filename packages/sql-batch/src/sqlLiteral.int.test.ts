import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { sqlLiteral } from './sqlLiteral.js';

let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
});
afterAll(async () => {
  await pool.end();
});

const awkward = ["O'Brien", 'back\\slash', 'quote "inside"', "both \\' and \\\\", '{braces},commas', 'NULL', '', 'æøå ✓', 'line\nbreak', '$1 and $$',
  // Dollar-quoting tags, inside and at the end of the text.
  '$v$', 'ends in $v', '$v$ and $v1$ and $v', '$$v$$'];

describe('sqlLiteral against PostgreSQL', () => {
  it.each(['on', 'off'])('reads back every awkward string exactly (standard_conforming_strings %s)', async (setting) => {
    const client = await pool.connect();
    try {
      await client.query(`SET standard_conforming_strings = ${setting}`);
      for (const text of awkward) {
        const { rows } = await client.query<{ value: string }>(`SELECT ${sqlLiteral(text)}::text AS value`);
        expect(rows[0]?.value).toBe(text);
      }
      const array = await client.query<{ value: (string | null)[] }>(`SELECT ${sqlLiteral([...awkward, null])}::text[] AS value`);
      expect(array.rows[0]?.value).toEqual([...awkward, null]);
      const json = await client.query<{ value: unknown }>(`SELECT ${sqlLiteral({ awkward })}::jsonb AS value`);
      expect(json.rows[0]?.value).toEqual({ awkward });
    } finally {
      client.release();
    }
  });
});
