import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { BatchSender, type BatchMessage } from './batchSender.js';
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
async function follow(
  definition: ProjectionDefinition,
  { created = () => undefined, sender = new BatchSender(pool), signal = AbortSignal.timeout(1_000) }:
    { created?: (buildId: number) => void; sender?: BatchSender; signal?: AbortSignal } = {},
) {
  const build = await createBuild(pool, definition, 'version');
  created(build.buildId);
  const end = await followBuild({
    pool, sender, store, catchUp: new SharedCatchUp(store, 4), definition, buildId: build.buildId,
    // Full batches all the way: each is handled while the one before it commits.
    batchSizes: { min: 4, max: 4 }, signal, onProgress: async () => undefined,
  });
  const marks = await pool.query<{ position: string }>(`SELECT position FROM ${build.schemaName}._marks ORDER BY position`);
  const checkpoint = await pool.query<{ checkpoint: string }>('SELECT checkpoint FROM projection_builds WHERE build_id = $1', [build.buildId]);
  return { build, end, marks: marks.rows.map((row) => Number(row.position)), checkpoint: Number(checkpoint.rows[0]?.checkpoint) };
}

describe('followBuild while catching up', () => {
  it('applies every event once, in batches handled while the one before commits', async () => {
    // The first batch commits only once the second is being handled: a follower that
    // waited for each commit before handling the next batch would never get there.
    let secondHandled: () => void = () => undefined;
    const second = new Promise<void>((resolve) => {
      secondHandled = resolve;
    });
    let sends = 0;
    class HeldFirstBatch extends BatchSender {
      override async send(message: BatchMessage) {
        sends += 1;
        if (sends === 1) await second;
        return super.send(message);
      }
    }
    const definition = marking('pipelined', async (call) => {
      if (call === 2) secondHandled();
    });
    const { end, marks, checkpoint } = await follow(definition, { sender: new HeldFirstBatch(pool) });
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
    const { end, marks } = await follow(definition, { created: (created) => {
      buildId = created;
    } });
    expect(end).toBe('fenced');
    // The first batch may have committed before the move, or been fenced by it; nothing after it was written.
    expect([[], [1, 2, 3, 4]]).toContainEqual(marks);
  });

  it('throws at once when the last full batch fails, without waiting for more events', async () => {
    let calls = 0;
    const definition: ProjectionDefinition = {
      name: 'failing_last', version: 1, migrations: ['CREATE TABLE _marks (position bigint PRIMARY KEY)'],
      handle(events, writes) {
        calls += 1;
        writes.add(calls === 10 ? 'INSERT INTO no_such_table VALUES (1)' : 'INSERT INTO _marks SELECT unnest($1::bigint[])', [events.map((event) => event.position)]);
      },
    };
    // Never aborted: only the failure itself can end the follow.
    await expect(follow(definition, { signal: new AbortController().signal })).rejects.toThrow(/no_such_table/);
  });
});
