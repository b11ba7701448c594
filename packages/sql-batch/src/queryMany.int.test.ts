import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { queryMany, type Statement } from './queryMany.js';

let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await pool.query(`CREATE TABLE samples (id uuid PRIMARY KEY, amount numeric, at timestamptz, details jsonb, tags text[], count integer)`);
  await pool.query(`INSERT INTO samples VALUES
    ('00000000-0000-4000-8000-000000000001', 12.5, '2026-11-23T10:00:00Z', '{"note": "it''s"}', '{a,b}', 3),
    ('00000000-0000-4000-8000-000000000002', NULL, NULL, NULL, NULL, NULL)`);
});
afterAll(async () => {
  await pool.end();
});

describe('queryMany', () => {
  it("answers each statement's rows in order, typed exactly as pg's own query answers them", async () => {
    const statements: Statement[] = [
      { text: 'SELECT * FROM samples WHERE id = $1', values: ['00000000-0000-4000-8000-000000000001'] },
      { text: 'SELECT * FROM samples WHERE id = ANY($1::uuid[]) ORDER BY id', values: [['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']] },
      { text: 'SELECT count(*) AS n FROM samples WHERE count > $1', values: [1] },
      { text: 'SELECT * FROM samples WHERE id = $1', values: ["it's not a uuid'); DROP TABLE samples; --"] },
    ];
    const alone = await Promise.all(statements.slice(0, 3).map((statement) => pool.query(statement.text, [...(statement.values ?? [])])));
    await expect(queryMany(pool, statements)).rejects.toThrow(/invalid input syntax for type uuid/);
    const together = await queryMany(pool, statements.slice(0, 3));
    expect(together).toEqual(alone.map((result) => result.rows));
    expect(together[0]?.[0]?.at).toBeInstanceOf(Date);
    expect((await pool.query('SELECT count(*)::int AS n FROM samples')).rows[0]?.n).toBe(2);
  });

  it('answers nothing for no statements, without a round trip', async () => {
    await expect(queryMany(pool, [])).resolves.toEqual([]);
  });
});
