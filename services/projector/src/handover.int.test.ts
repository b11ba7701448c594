import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import pino from 'pino';
import { eventCounts } from './projections/eventCounts.js';
import { startProjector, type Projector } from './projector.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

const logger = pino({ level: 'silent' });
let databaseUrl: string;
let pool: Pool;
let store: EventStore;
const running = new Set<Projector>();

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  store = createInMemoryEventStore();
});
afterAll(async () => {
  await Promise.all([...running].map((projector) => projector.close()));
  await store.close();
  await pool.end();
});

/** Each instance has its own pool and lock session, as separate processes would. */
async function instance(): Promise<Projector> {
  const projector = await startProjector({ databaseUrl, store, projections: [eventCounts], batchSize: 5, lockRetryMs: 100, logger });
  running.add(projector);
  return projector;
}
const state = (projector: Projector) => projector.status()[0]?.state;
const leaders = (...projectors: Projector[]) => projectors.filter((projector) => state(projector) === 'leading');
const totalCounted = async () =>
  Number((await pool.query<{ n: string }>('SELECT coalesce(sum(events), 0) AS n FROM read_models.event_counts')).rows[0]?.n);

test('one instance holds the projection; another takes over when it stops', async () => {
  const first = await instance();
  await waitFor('the first instance to lead', async () => state(first) === 'leading');
  const second = await instance();
  await appendTestEvents(store, 60);
  await waitFor('60 events counted', async () => (await totalCounted()) === 60);
  expect(state(second)).toBe('waiting');

  await first.close();
  running.delete(first);
  await waitFor('the second instance to take over', async () => state(second) === 'leading', 5_000);
  await appendTestEvents(store, 40);
  await waitFor('100 events counted', async () => (await totalCounted()) === 100);
});

test('when the holder\'s session dies, exactly one instance continues and nothing is counted twice', async () => {
  const [survivor] = [...running];
  if (!survivor) throw new Error('the second instance of the previous test is expected to run');
  const standby = await instance();
  const lockHolder = async () => (await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)).rows;

  const appending = appendTestEvents(store, 400, 10);
  const [holder] = await lockHolder();
  await pool.query('SELECT pg_terminate_backend($1)', [holder?.pid]);
  await appending;

  await waitFor('one leader again', async () => leaders(survivor, standby).length === 1
    && (await lockHolder()).length === 1 && (await lockHolder())[0]?.pid !== holder?.pid, 5_000);
  await waitFor('500 events counted', async () => (await totalCounted()) === 500);
  const built = await pool.query<{ checkpoint: string }>(`SELECT checkpoint FROM projection_builds WHERE status = 'active'`);
  expect(built.rows).toEqual([{ checkpoint: '500' }]);
});
