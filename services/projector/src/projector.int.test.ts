import { createInMemoryEventStore, type EventStore } from '@medfri/event-store';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { parseProjectionNotification } from './notifyChannel.js';
import { eventCounts } from './projections/eventCounts.js';
import { startProjector, type Projector } from './projector.js';
import { appendTestEvents } from './testing/testEvents.js';
import { waitFor } from './testing/waitFor.js';

const logger = pino({ level: 'silent' });
let databaseUrl: string;
let pool: Pool;
let store: EventStore;
let projector: Projector;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  store = createInMemoryEventStore();
  projector = await startProjector({ databaseUrl, store, projections: [eventCounts], batchSize: 7, logger });
});
afterAll(async () => {
  await projector.close();
  await store.close();
  await pool.end();
});

const counts = async () => {
  const rows = await pool.query<{ key: string; events: string }>(
    `SELECT category || '/' || type AS key, events FROM read_models.event_counts ORDER BY 1`);
  return new Map(rows.rows.map((row) => [row.key, Number(row.events)]));
};
const checkpoint = () => projector.status()[0]?.builds[0]?.checkpoint ?? -1;

test('projects every event once, notifying each committed position in order', async () => {
  const listener = new Client({ connectionString: databaseUrl });
  await listener.connect();
  const notified: number[] = [];
  listener.on('notification', (message) => {
    const notification = parseProjectionNotification(message.payload);
    if (notification?.projection === 'event_counts') notified.push(notification.position);
  });
  await listener.query('LISTEN medfri_projection');

  const written = await appendTestEvents(store, 100, 9);
  await waitFor('the projection to reach position 100', async () => checkpoint() === 100);
  expect(await counts()).toEqual(new Map([...written].sort()));
  await waitFor('the last notification', async () => notified.at(-1) === 100);
  expect(notified).toEqual([...notified].sort((a, b) => a - b));
  expect(new Set(notified).size).toBe(notified.length);
  await listener.end();

  const stored = await pool.query(`SELECT status, checkpoint FROM projection_builds WHERE name = 'event_counts'`);
  expect(stored.rows).toEqual([{ status: 'active', checkpoint: '100' }]);
});

test('exports the lag and its health over HTTP', async () => {
  await appendTestEvents(store, 10);
  await waitFor('the projection to catch up', async () => checkpoint() === await store.headPosition());
  const metrics = await (await fetch(`${projector.url}/metrics`)).text();
  expect(metrics).toMatch(/^medfri_projection_lag_events\{projection="event_counts",build="active"\} 0$/m);
  expect(metrics).toMatch(/^medfri_projection_leading\{projection="event_counts"\} 1$/m);
  const health = await fetch(`${projector.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', projections: [{ name: 'event_counts', state: 'leading' }] });
});
