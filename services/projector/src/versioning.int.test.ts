import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import pino from 'pino';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { eventCounts } from './projections/eventCounts.js';
import { startProjector, type Projector } from './projector.js';
import { requestRebuild } from './requestRebuild.js';
import { tableChecksum } from './testing/tableChecksum.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

const logger = pino({ level: 'silent' });
let databaseUrl: string;
let pool: Pool;
let store: EventStore;
const running: Projector[] = [];

/** Version 2 adds a column and a view, and holds every batch until the test opens the gate. */
let openGate: () => void = () => undefined;
const gate = new Promise<void>((resolve) => { openGate = resolve; });
const eventCountsV2: ProjectionDefinition = {
  ...eventCounts,
  version: 2,
  migrations: [...eventCounts.migrations, 'ALTER TABLE event_counts ADD COLUMN counted_by integer NOT NULL DEFAULT 2'],
  views: [
    { name: 'event_totals', sql: 'SELECT category, sum(events) AS events FROM event_counts GROUP BY category' },
    { name: 'event_grand_total', sql: 'SELECT sum(events) AS events FROM event_totals' },
  ],
  async handle(events, writes, context) {
    await gate;
    await eventCounts.handle(events, writes, context);
  },
};

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  store = createInMemoryEventStore();
});
afterAll(async () => {
  await Promise.all(running.map((projector) => projector.close()));
  await store.close();
  await pool.end();
});

async function instance(definition: ProjectionDefinition): Promise<Projector> {
  const projector = await startProjector({ databaseUrl, store, projections: [definition], batchSize: 10, logger });
  running.push(projector);
  return projector;
}
const total = async () => Number((await pool.query<{ n: string }>('SELECT coalesce(sum(events), 0) AS n FROM read_models.event_counts')).rows[0]?.n);
const registry = async () => (await pool.query(`SELECT active_version, active_build FROM projection_registry WHERE name = 'event_counts'`)).rows[0];
const schemas = async () => (await pool.query<{ nspname: string }>(
  `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rm_event_counts_%' ORDER BY nspname`)).rows.map((row) => row.nspname);

test('a new version builds into new tables while the old one keeps serving, then takes over the views', async () => {
  const v1 = await instance(eventCounts);
  await appendTestEvents(store, 50);
  await waitFor('version 1 to count 50 events', async () => (await total()) === 50);

  const v2 = await instance(eventCountsV2);
  await waitFor('version 2 to start building', async () => (await schemas()).length === 2);
  await appendTestEvents(store, 20);
  await waitFor('version 1 to keep serving live', async () => (await total()) === 70);
  expect(await registry()).toMatchObject({ active_version: 1 });

  openGate();
  await waitFor('version 2 to take over', async () => (await registry())?.active_version === 2);
  expect(await total()).toBe(70);
  const columns = await pool.query(`SELECT DISTINCT counted_by FROM read_models.event_counts`);
  expect(columns.rows).toEqual([{ counted_by: 2 }]);
  const totals = await pool.query<{ events: string }>('SELECT events FROM read_models.event_grand_total');
  expect(totals.rows).toEqual([{ events: '70' }]);
  await waitFor('the old instance to stand down', async () => v1.status()[0]?.state === 'superseded');
  await waitFor('the old tables to be dropped', async () => (await schemas()).length === 1);
  expect(await schemas()).toEqual(['rm_event_counts_v2_2']);

  await appendTestEvents(store, 5);
  await waitFor('version 2 to serve live', async () => (await total()) === 75);
  expect(v2.status()[0]).toMatchObject({ state: 'leading', builds: [{ status: 'active', version: 2 }] });
});

test('a rebuild of the current version ends with the same contents in fresh tables', async () => {
  const before = await tableChecksum(pool, 'read_models.event_counts', 'category, type');
  const { active_build: previous } = await registry();
  const build = await requestRebuild(pool, eventCountsV2);
  expect(build.status).toBe('building');
  await waitFor('the rebuild to take over', async () => Number((await registry())?.active_build) === build.buildId);
  expect(await tableChecksum(pool, 'read_models.event_counts', 'category, type')).toEqual(before);
  expect((await pool.query('SELECT events FROM read_models.event_grand_total')).rows).toEqual([{ events: '75' }]);
  await waitFor('the previous tables to be dropped', async () => (await schemas()).length === 1);
  expect(await schemas()).toEqual([build.schemaName]);
  const builds = await pool.query(`SELECT build_id, status, reason FROM projection_builds ORDER BY build_id`);
  expect(builds.rows).toEqual([
    { build_id: '1', status: 'dropped', reason: 'initial' },
    { build_id: String(previous), status: 'dropped', reason: 'version' },
    { build_id: String(build.buildId), status: 'active', reason: 'rebuild' },
  ]);
});
