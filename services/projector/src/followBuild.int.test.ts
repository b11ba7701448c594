import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { BatchSender } from './batchSender.js';
import { createBuild } from './createBuild.js';
import { followBuild } from './followBuild.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { projectorMigrations } from './projectorMigrations.js';
import { SharedCatchUp } from './sharedCatchUp.js';
import { appendTestEvents } from './testing/testEvents.js';

let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await migrate(pool, 'projector', projectorMigrations);
  store = createInMemoryEventStore();
  await appendTestEvents(store, 40, 10);
});
afterAll(async () => {
  await store.close();
  await pool.end();
});

/** Records each batch's positions; `during(n)` runs while the n-th batch is handled. */
function marking(name: string, during: (call: number) => Promise<void>): ProjectionDefinition {
  let calls = 0;
  return {
    name, version: 1, migrations: ['CREATE TABLE _marks (position bigint PRIMARY KEY)'],
    async handle(events, writes) {
      calls += 1;
      await during(calls);
      writes.add('INSERT INTO _marks SELECT unnest($1::bigint[])', [events.map((event) => event.position)]);
    },
  };
}

/** Follows a new build of `definition` until fenced, or until at the head for a moment. */
async function follow(definition: ProjectionDefinition, created: (buildId: number) => void = () => undefined) {
  const build = await createBuild(pool, definition, 'version');
  created(build.buildId);
  const end = await followBuild({
    pool, sender: new BatchSender(pool), store, catchUp: new SharedCatchUp(store, 4), definition, buildId: build.buildId,
    // Full batches all the way: each is handled while the one before it commits.
    batchSizes: { min: 4, max: 4 }, signal: AbortSignal.timeout(2_000), onProgress: async () => undefined,
  });
  const marks = await pool.query<{ position: string }>(`SELECT position FROM ${build.schemaName}._marks ORDER BY position`);
  const checkpoint = await pool.query<{ checkpoint: string }>('SELECT checkpoint FROM projection_builds WHERE build_id = $1', [build.buildId]);
  return { build, end, marks: marks.rows.map((row) => Number(row.position)), checkpoint: Number(checkpoint.rows[0]?.checkpoint) };
}

describe('followBuild while catching up', () => {
  it('applies every event once, in batches handled while the one before commits', async () => {
    const { end, marks, checkpoint } = await follow(marking('pipelined', async () => undefined));
    expect(end).toBe('stopped');
    expect(marks).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(checkpoint).toBe(40);
  });

  it('ends fenced when the build moves on during the next batch, which is never written', async () => {
    let buildId = 0;
    const definition = marking('fenced_midway', async (call) => {
      // Another instance moves the checkpoint while this one handles its second batch.
      if (call === 2) await pool.query('UPDATE projection_builds SET checkpoint = checkpoint + 1000 WHERE build_id = $1', [buildId]);
    });
    const { end, marks } = await follow(definition, (created) => {
      buildId = created;
    });
    expect(end).toBe('fenced');
    // The first batch may have committed before the move, or been fenced by it; nothing after it was written.
    expect([[], [1, 2, 3, 4]]).toContainEqual(marks);
  });
});
