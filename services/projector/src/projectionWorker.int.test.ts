import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import pino from 'pino';
import { BatchSender } from './batchSender.js';
import { acquireProjectionLock } from './projectionLock.js';
import { ProjectionWorker } from './projectionWorker.js';
import { projectorMigrations } from './projectorMigrations.js';
import { eventCounts } from './projections/eventCounts.js';
import { SharedCatchUp, type ExpectedReader } from './sharedCatchUp.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

const log = pino({ level: 'silent' });
let connectionString: string;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  connectionString = await createTestDatabase();
  pool = new Pool({ connectionString });
  await migrate(pool, 'projector', projectorMigrations);
  store = createInMemoryEventStore();
  await appendTestEvents(store, 30, 10);
});
afterAll(async () => {
  await store.close();
  await pool.end();
});

/** A worker for event_counts whose expected reader counts how often it is settled. */
function worker(): { worker: ProjectionWorker; settled: () => number } {
  const catchUp = new SharedCatchUp(store, 20);
  const real = catchUp.expect();
  let settled = 0;
  const expected: ExpectedReader = {
    settle: () => {
      settled += 1;
      real.settle();
    },
  };
  const projectionWorker = new ProjectionWorker({
    pool, sender: new BatchSender(pool), connectionString, store, catchUp, expected, definition: eventCounts,
    batchSizes: { min: 5, max: 20 }, lockRetryMs: 50, log, onFailure: () => undefined,
  });
  return { worker: projectionWorker, settled: () => settled };
}

test('a worker whose projection another instance holds is no longer expected', async () => {
  const stop = new AbortController();
  const elsewhere = await acquireProjectionLock({
    connectionString, name: eventCounts.name, version: eventCounts.version, retryMs: 50, signal: stop.signal, log, onControl: () => undefined,
  });
  const { worker: waiting, settled } = worker();
  waiting.start();
  try {
    await waitFor('the waiting worker to settle its expected reader', async () => settled() > 0, 2_000);
    expect(waiting.status().state).toBe('waiting');
  } finally {
    await waiting.stop();
    await elsewhere?.release();
    stop.abort();
  }
});

test('a worker that holds its projection is no longer expected once its follower subscribes, and catches up', async () => {
  const { worker: leading, settled } = worker();
  leading.start();
  try {
    await waitFor('the worker to catch up', async () => leading.status().builds.some((build) => build.checkpoint === 30), 2_000);
    expect(settled()).toBeGreaterThan(0);
    expect(leading.status().state).toBe('leading');
  } finally {
    await leading.stop();
  }
});
