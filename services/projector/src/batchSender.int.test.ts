import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { BatchSender, type BatchMessage } from './batchSender.js';
import { createBuild } from './createBuild.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { projectorMigrations } from './projectorMigrations.js';

let pool: Pool;
let sender: BatchSender;

const definition = (name: string): ProjectionDefinition => ({
  // Private tables (a leading _) get no view, so every test projection can name its table alike.
  name, version: 1, migrations: ['CREATE TABLE _marks (position bigint PRIMARY KEY)'], handle: () => undefined,
});

const message = (build: Build, after: number, last: number, statements: string[]): BatchMessage => ({
  buildId: build.buildId, schemaName: build.schemaName, after, last, statements, notify: null,
});

async function state(build: Build): Promise<{ checkpoint: number; marks: number[] }> {
  const checkpoint = await pool.query<{ checkpoint: string }>('SELECT checkpoint FROM projection_builds WHERE build_id = $1', [build.buildId]);
  const marks = await pool.query<{ position: string }>(`SELECT position FROM ${build.schemaName}._marks ORDER BY position`);
  return { checkpoint: Number(checkpoint.rows[0]?.checkpoint), marks: marks.rows.map((row) => Number(row.position)) };
}

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await migrate(pool, 'projector', projectorMigrations);
  sender = new BatchSender(pool);
});
afterAll(async () => {
  await pool.end();
});

describe('BatchSender', () => {
  it('applies batches sent in the same turn, each advancing only its own build', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_a'), 'version'), await createBuild(pool, definition('sender_b'), 'version')];
    const queries = jest.spyOn(pool, 'query');
    const outcomes = await Promise.all([
      sender.send(message(first, 0, 5, ['INSERT INTO _marks VALUES (5)'])),
      sender.send(message(second, 0, 7, ['INSERT INTO _marks VALUES (6)', 'INSERT INTO _marks VALUES (7)'])),
    ]);
    // One message, one round trip, for both.
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockRestore();
    expect(outcomes).toEqual([{ committed: true, checkpoint: 5, status: 'active' }, { committed: true, checkpoint: 7, status: 'active' }]);
    expect(await state(first)).toEqual({ checkpoint: 5, marks: [5] });
    expect(await state(second)).toEqual({ checkpoint: 7, marks: [6, 7] });
  });

  it('answers a fenced batch alone: the others in its turn still commit, it writes nothing', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_c'), 'version'), await createBuild(pool, definition('sender_d'), 'version')];
    const outcomes = await Promise.all([
      sender.send(message(first, 0, 3, ['INSERT INTO _marks VALUES (3)'])),
      // Not where its follower thinks: another instance moved the checkpoint.
      sender.send(message(second, 2, 3, ['INSERT INTO _marks VALUES (3)'])),
    ]);
    expect(outcomes).toEqual([{ committed: true, checkpoint: 3, status: 'active' }, { committed: false }]);
    expect(await state(first)).toEqual({ checkpoint: 3, marks: [3] });
    expect(await state(second)).toEqual({ checkpoint: 0, marks: [] });
  });

  it('fails only the batch whose statement fails', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_e'), 'version'), await createBuild(pool, definition('sender_f'), 'version')];
    const [good, bad] = await Promise.allSettled([
      sender.send(message(first, 0, 4, ['INSERT INTO _marks VALUES (4)'])),
      sender.send(message(second, 0, 4, ['INSERT INTO _marks VALUES (4)', 'INSERT INTO _marks VALUES (4)'])),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: { committed: true, checkpoint: 4, status: 'active' } });
    expect(bad.status).toBe('rejected');
    expect(await state(first)).toEqual({ checkpoint: 4, marks: [4] });
    expect(await state(second)).toEqual({ checkpoint: 0, marks: [] });
  });
});
