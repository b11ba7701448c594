import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import pino from 'pino';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { eventCounts } from './projections/eventCounts.js';
import { startProjector, type Projector } from './projector.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

let pool: Pool;
let store: EventStore;
let projector: Projector | undefined;

/** Holds every batch until the test opens the gate, so that the build stays behind the head. */
let openGate: () => void = () => undefined;
const gate = new Promise<void>((resolve) => { openGate = resolve; });
const gatedCounts: ProjectionDefinition = {
  ...eventCounts,
  async handle(events, writes, context) {
    await gate;
    await eventCounts.handle(events, writes, context);
  },
};

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  store = createInMemoryEventStore();
  await appendTestEvents(store, 60);
  projector = await startProjector({ databaseUrl, store, projections: [gatedCounts], batchSize: 10, logger: pino({ level: 'silent' }) });
});
afterAll(async () => {
  openGate();
  await projector?.close();
  await store.close();
  await pool.end();
});

interface TableState { reloptions: string[] | null; analyzed: boolean }
const tableState = async (): Promise<TableState | undefined> => (await pool.query<TableState>(
  `SELECT c.reloptions, s.last_analyze IS NOT NULL AS analyzed
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE n.nspname LIKE 'rm_event_counts_%' AND c.relname = 'event_counts'`)).rows[0];

test('a build catching up leaves autovacuum out; once caught up its tables are analyzed and given back to autovacuum', async () => {
  const build = await waitFor('the build to be followed', async () => projector?.status()[0]?.builds[0]);
  expect(build.checkpoint).toBe(0);
  const behind = await waitFor('the build\'s tables', tableState);
  expect(behind.reloptions).toEqual(['autovacuum_enabled=false']);
  expect(behind.analyzed).toBe(false);

  openGate();
  await waitFor('the build to reach the head', async () => projector?.status()[0]?.builds[0]?.checkpoint === 60);
  const caughtUp = await waitFor('the tables to be given back to autovacuum', async () => {
    const state = await tableState();
    return state?.reloptions === null && state.analyzed ? state : undefined;
  });
  expect(caughtUp).toEqual({ reloptions: null, analyzed: true });
  const total = await pool.query<{ n: string }>('SELECT sum(events) AS n FROM read_models.event_counts');
  expect(total.rows[0]?.n).toBe('60');
});
