import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { PreparedStatements, type PreparedStatement } from './preparedStatements.js';

let pool: Pool;

const byId: PreparedStatement = { name: 'by_id', text: 'SELECT * FROM sample_view WHERE id = $1' };
const above: PreparedStatement = { name: 'above', text: 'SELECT id, amount FROM samples WHERE amount > $1 ORDER BY id' };
const total: PreparedStatement = { name: 'total', text: 'SELECT sum(amount) AS total FROM samples' };
const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase(), max: 2 });
  await pool.query(`CREATE TABLE samples (id uuid PRIMARY KEY, amount numeric, at timestamptz, note text)`);
  await pool.query(`INSERT INTO samples VALUES ($1, 12.5, '2026-11-23T10:00:00Z', 'it''s'), ($2, NULL, NULL, NULL)`, ids);
  await pool.query('CREATE VIEW sample_view AS SELECT * FROM samples');
});
afterAll(async () => {
  await pool.end();
});

describe('PreparedStatements', () => {
  it("answers each execution's rows in order, typed exactly as pg's own query answers them", async () => {
    const statements = new PreparedStatements('samples', [byId, above, total]);
    const executions = [{ statement: byId, values: [ids[0]] }, { statement: above, values: [1] }, { statement: total, values: [] }];
    const alone = [
      (await pool.query('SELECT * FROM sample_view WHERE id = $1', [ids[0]])).rows,
      (await pool.query('SELECT id, amount FROM samples WHERE amount > $1 ORDER BY id', [1])).rows,
      (await pool.query('SELECT sum(amount) AS total FROM samples')).rows,
    ];
    // The first run on each connection prepares, later runs only execute: the same answers.
    for (let run = 0; run < 4; run += 1) expect(await statements.query(pool, executions)).toEqual(alone);
    expect((await statements.query(pool, executions))[0]?.[0]?.at).toBeInstanceOf(Date);
  });

  it('plans once per connection: a connection that ran the statements holds them prepared', async () => {
    const statements = new PreparedStatements('held', [total]);
    // Run on both connections of the pool at once, then again: a second PREPARE would fail.
    for (let run = 0; run < 2; run += 1) {
      await Promise.all([statements.query(pool, [{ statement: total, values: [] }]), statements.query(pool, [{ statement: total, values: [] }])]);
    }
    const held = await Promise.all([pool.connect(), pool.connect()]);
    try {
      const names = await Promise.all(held.map(async (each) =>
        (await each.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'held_%'")).rows.map((row) => row.name)));
      expect(names).toEqual([['held_total'], ['held_total']]);
    } finally {
      held.forEach((each) => each.release());
    }
  });

  it('writes values as constants, never as SQL', async () => {
    const statements = new PreparedStatements('hostile', [byId]);
    await expect(statements.query(pool, [{ statement: byId, values: ["x'); DROP TABLE samples; --"] }])).rejects.toThrow(/invalid input syntax for type uuid/);
    expect((await pool.query('SELECT count(*)::int AS n FROM samples')).rows[0]?.n).toBe(2);
    // The failed run's connection was closed, not left with a half-known state: the next run answers.
    expect(await statements.query(pool, [{ statement: byId, values: [ids[1]] }])).toEqual([[{ id: ids[1], amount: null, at: null, note: null }]]);
  });

  it('answers with the new columns after a view under a statement is replaced', async () => {
    const statements = new PreparedStatements('replaced', [byId]);
    const first = await statements.query(pool, [{ statement: byId, values: [ids[0]] }]);
    expect(Object.keys(first[0]?.[0] ?? {})).toEqual(['id', 'amount', 'at', 'note']);
    await pool.query('DROP VIEW sample_view');
    await pool.query('CREATE VIEW sample_view AS SELECT id, note FROM samples');
    // Every connection of the pool may hold the old plan: each is replaced in turn.
    for (let run = 0; run < 3; run += 1) {
      expect(await statements.query(pool, [{ statement: byId, values: [ids[0]] }])).toEqual([[{ id: ids[0], note: "it's" }]]);
    }
  });

  it('refuses a statement it was not given, and a name PostgreSQL would not take plainly', async () => {
    const statements = new PreparedStatements('samples', [byId]);
    await expect(statements.query(pool, [{ statement: total, values: [] }])).rejects.toThrow(/was not given/);
    expect(() => new PreparedStatements('Bad-Name', [byId])).toThrow(/statement name/);
  });
});
