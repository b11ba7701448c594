import { Pool } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';
import { isoText } from './eventRow.js';

let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase('event_row'), max: 1, options: '-c TimeZone=Europe/Oslo' });
});
afterAll(async () => {
  await pool?.end();
});

test("isoText writes a timestamp as Date's toISOString does (milliseconds cut, not rounded), in any session time zone", async () => {
  const stamps = [
    '2026-03-29 00:59:59.999999+00', '2026-03-29 01:00:00+00', '2026-10-25 00:30:00.0005+00',
    '2026-12-31 23:59:59.123456+00', '1999-06-15 12:00:00.1+02', '2026-07-01 10:11:12.291+00',
  ];
  const { rows } = await pool.query<{ text: string; date: Date }>(
    `SELECT ${isoText('stamp')} AS text, stamp AS date FROM unnest($1::timestamptz[]) AS stamp`, [stamps]);
  expect(rows.map((row) => row.text)).toEqual(rows.map((row) => row.date.toISOString()));
});
