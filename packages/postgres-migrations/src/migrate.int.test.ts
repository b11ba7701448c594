import { Pool } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';
import { isMigrated, migrate, MigrationOrderError, type Migration } from './migrate.js';

const migrations: Migration[] = [
  { version: 1, name: 'create things', sql: 'CREATE TABLE things (id int PRIMARY KEY)' },
  { version: 2, name: 'add label', sql: 'ALTER TABLE things ADD COLUMN label text' },
];

let pool: Pool;
beforeAll(async () => { pool = new Pool({ connectionString: await createTestDatabase() }); });
afterAll(() => pool.end());

test('applies each migration once, records it, and is idempotent, also when started concurrently', async () => {
  const runs = await Promise.all([migrate(pool, 'things', migrations), migrate(pool, 'things', migrations)]);
  expect(runs.flat().map((m) => m.version).sort()).toEqual([1, 2]);
  expect(await migrate(pool, 'things', migrations)).toEqual([]);
  const recorded = await pool.query('SELECT version, name FROM schema_migrations WHERE component = $1 ORDER BY version', ['things']);
  expect(recorded.rows).toEqual([{ version: 1, name: 'create things' }, { version: 2, name: 'add label' }]);
  expect(await isMigrated(pool, 'things', migrations)).toBe(true);
  expect(await isMigrated(pool, 'things', [...migrations, { version: 3, name: 'more', sql: 'SELECT 1' }])).toBe(false);
});

test('a failing migration is rolled back with its record', async () => {
  const broken: Migration[] = [
    { version: 1, name: 'ok', sql: 'CREATE TABLE broken_ok (id int)' },
    { version: 2, name: 'fails', sql: 'CREATE TABLE broken_two (id int); SELECT * FROM no_such_table' },
  ];
  await expect(migrate(pool, 'broken', broken)).rejects.toThrow(/no_such_table/);
  const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'broken_%' ORDER BY 1`);
  expect(tables.rows.map((r) => r.table_name)).toEqual(['broken_ok']);
  expect(await isMigrated(pool, 'broken', broken)).toBe(false);
});

test('refuses migrations out of order', async () => {
  await expect(migrate(pool, 'gap', [{ version: 2, name: 'x', sql: 'SELECT 1' }])).rejects.toBeInstanceOf(MigrationOrderError);
});
