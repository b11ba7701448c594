import { createPostgresEventStore, migrateEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { escapeIdentifier, Pool } from 'pg';
import pino from 'pino';
import { allProjections } from './projections/index.js';
import { startProjector, type Projector } from './projector.js';
import { requestRebuild } from './requestRebuild.js';
import { FREE_TEXT_MARKER, runDomainWorkload, type WorkloadResult } from './testing/domainWorkload.js';
import { waitFor } from './testing/waitFor.js';

let pool: Pool;
let store: EventStore;
let projector: Projector;
let workloads: WorkloadResult[];
const workloadEvents = () => workloads.reduce((sum, workload) => sum + workload.events, 0);

/**
 * The read models whose rows depend only on the events: every table, and every view
 * but those reading the clock (days overdue, days on the current dose), which change
 * while the test runs and are functions of the tables compared here anyway.
 */
const readModelRelations = async () => (await pool.query<{ name: string }>(
  `SELECT table_name AS name FROM information_schema.views
   WHERE table_schema = 'read_models' AND view_definition NOT LIKE '%now()%' ORDER BY 1`)).rows.map((row) => row.name);

/** Every read model, row by row in a fixed order, as one checksum per relation. */
async function checksums(): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of await readModelRelations()) {
    const result = await pool.query<{ sum: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM read_models.${escapeIdentifier(name)} t`);
    sums[name] = result.rows[0]?.sum ?? '';
  }
  return sums;
}

const activeBuilds = async () => new Map((await pool.query<{ name: string; active_build: string }>(
  'SELECT name, active_build FROM projection_registry')).rows.map((row) => [row.name, Number(row.active_build)]));

async function caughtUp(): Promise<void> {
  const head = await store.headPosition();
  await waitFor('every read model to catch up', async () => {
    const behind = await pool.query(`SELECT 1 FROM projection_builds WHERE status IN ('active', 'building') AND checkpoint < $1`, [head]);
    return behind.rowCount === 0 && (await activeBuilds()).size === allProjections.length;
  }, 120_000);
}

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  await migrateEventStore(pool);
  store = createPostgresEventStore({ connectionString: databaseUrl });
  projector = await startProjector({ databaseUrl, store, logger: pino({ level: 'warn' }) });
  // The projector follows live while four clinics' workloads write at the same time.
  workloads = await Promise.all([1, 2, 3, 4].map((clinic) => runDomainWorkload(store, { events: 2_500, seed: 2018 + clinic })));
  await caughtUp();
}, 300_000);
afterAll(async () => {
  await projector.close();
  await store.close();
  await pool.end();
});

test('the workload went through the deciders and reached every kind of read model', async () => {
  expect(workloadEvents()).toBeGreaterThanOrEqual(10_000);
  const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]?.n);
  expect(await count('SELECT count(*) AS n FROM read_models.timeline_entries')).toBe(workloadEvents());
  expect(await count('SELECT count(*) AS n FROM read_models.timeline_entries WHERE retracted_by IS NOT NULL')).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM read_models.patient_units')).toBeGreaterThan(20);
  expect(await count(`SELECT sum(holds) AS n FROM read_models.tapering_progress`)).toBeGreaterThan(0);
  expect(await count(`SELECT sum(reversals) AS n FROM read_models.tapering_plans`)).toBeGreaterThan(0);
  expect(await count(`SELECT count(*) AS n FROM read_models.tapering_plans WHERE status = 'completed'`)).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM read_models.medication_action_points WHERE above_ddd')).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM read_models.medication_use_by_unit_class')).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM read_models.unit_census_daily WHERE earmarked_bed_patients > 0')).toBeGreaterThan(0);
  expect(await count('SELECT count(*) AS n FROM read_models.bed_stays')).toBeGreaterThan(0);
  expect(await count('SELECT sum(received) AS n FROM read_models.referral_funnel')).toBe(await count('SELECT count(*) AS n FROM read_models.referrals'));
  expect(await count('SELECT sum(readmitted) AS n FROM read_models.referral_funnel_by_region')).toBeGreaterThan(0);
  expect(await count('SELECT sum(rejected) AS n FROM read_models.referral_rejection_reasons')).toBeGreaterThan(0);
});

test('no free text reaches any read model, not even the projector\'s private tables', async () => {
  const tables = await pool.query<{ schemaname: string; tablename: string }>(
    `SELECT schemaname, tablename FROM pg_tables WHERE schemaname LIKE 'rm\\_%' ORDER BY 1, 2`);
  expect(tables.rows.length).toBeGreaterThan(15);
  for (const { schemaname, tablename } of tables.rows) {
    const leaked = await pool.query(
      `SELECT 1 FROM ${escapeIdentifier(schemaname)}.${escapeIdentifier(tablename)} t WHERE t::text LIKE $1 LIMIT 1`, [`%${FREE_TEXT_MARKER}%`]);
    expect({ table: `${schemaname}.${tablename}`, leaked: leaked.rowCount }).toEqual({ table: `${schemaname}.${tablename}`, leaked: 0 });
  }
});

test('read models maintained live equal the same projections rebuilt from position 0', async () => {
  const live = await checksums();
  expect(Object.keys(live)).toEqual(expect.arrayContaining(['timeline_entries', 'patient_units', 'course_summaries', 'tapering_plans',
    'tapering_steps', 'medication_doses', 'medications', 'referrals', 'referral_funnel', 'medication_use_by_unit_class']));
  const before = await activeBuilds();
  const rebuilds = await Promise.all(allProjections.map((definition) => requestRebuild(pool, definition)));
  await waitFor('every rebuild to take over', async () => {
    const active = await activeBuilds();
    return rebuilds.every((build) => active.get(build.name) === build.buildId);
  }, 240_000);
  for (const [name, buildId] of await activeBuilds()) expect(buildId).not.toBe(before.get(name));
  expect(await checksums()).toEqual(live);
}, 300_000);
