import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPostgresEventStore, migrateEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { tableChecksum } from './testing/tableChecksum.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const EVENTS = 5_000;
let databaseUrl: string;
let pool: Pool;
let store: EventStore;
let child: ChildProcess | undefined;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  await migrateEventStore(pool);
  store = createPostgresEventStore({ connectionString: databaseUrl });
  await appendTestEvents(store, EVENTS, 100);
}, 60_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  await store.close();
  await pool.end();
});

/** The projector as it runs in production: compiled, its own process, small batches so a rebuild takes a while. */
function startProjectorProcess(): ChildProcess {
  return spawn(process.execPath, [CLI, 'run'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MEDFRI_PROJECTIONS: 'event_counts',
      MEDFRI_PROJECTOR_BATCH_SIZE: '5',
      MEDFRI_PROJECTOR_PORT: '0',
      MEDFRI_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
async function kill(process: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => process.once('exit', resolve));
  process.kill('SIGKILL');
  await exited;
}
const build = async (id: number) => (await pool.query<{ status: string; checkpoint: string }>(
  'SELECT status, checkpoint FROM projection_builds WHERE build_id = $1', [id])).rows[0];
const activeBuild = async () => Number((await pool.query<{ active_build: string }>(
  `SELECT active_build FROM projection_registry WHERE name = 'event_counts'`)).rows[0]?.active_build);
const checksum = () => tableChecksum(pool, 'read_models.event_counts', 'category, type');

test('a rebuild killed with SIGKILL resumes after a restart and ends with identical contents', async () => {
  child = startProjectorProcess();
  await waitFor('the first build to catch up', async () => (await build(1))?.checkpoint === String(EVENTS), 60_000);
  const uninterrupted = await checksum();
  expect(uninterrupted.rows).toBe(9);

  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'rebuild', 'event_counts'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  const rebuildId = Number(/build (\d+)/.exec(stdout)?.[1]);
  await waitFor('the rebuild to be under way', async () => Number((await build(rebuildId))?.checkpoint) > 0);
  await kill(child);
  const interrupted = await build(rebuildId);
  expect(interrupted?.status).toBe('building');
  expect(Number(interrupted?.checkpoint)).toBeLessThan(EVENTS);
  expect(await activeBuild()).toBe(1);

  child = startProjectorProcess();
  await waitFor('the resumed rebuild to take over', async () => (await activeBuild()) === rebuildId, 60_000);
  await waitFor('the first build to be dropped', async () => (await build(1))?.status === 'dropped');
  expect(await checksum()).toEqual(uninterrupted);
  await kill(child);
}, 120_000);
