/** What only the PostgreSQL adapter has: migrations, connection failures, the fence, LISTEN. */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { isMigrated, migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { testEvent } from '../conformance/testEvent.js';
import { StoreUnavailableError } from '../errors.js';
import type { EventStore, RecordedEvent } from '../port.js';
import { appendInTransaction } from './postgresAppend.js';
import { EVENT_STORE_COMPONENT, eventStoreMigrations, migrateEventStore } from './migrations.js';
import { createPostgresEventStore } from './postgresEventStore.js';

let url: string;
let pool: Pool;
let store: EventStore;
const stores: EventStore[] = [];

beforeAll(async () => {
  url = await createTestDatabase('es');
  pool = new Pool({ connectionString: url, max: 6 });
  await migrateEventStore(pool);
  store = track(createPostgresEventStore({ connectionString: url }));
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await pool.end();
});

function track(created: EventStore): EventStore {
  stores.push(created);
  return created;
}

const newStream = (): string => `pg-${randomUUID()}`;

test('migrations are recorded once and report the schema as migrated', async () => {
  expect(await migrateEventStore(pool)).toEqual([]);
  expect(await isMigrated(pool, 'event-store', eventStoreMigrations)).toBe(true);
});

test('events stored as jsonb before version 3 read back the same after it; later ones keep their JSON as written', async () => {
  const older = new Pool({ connectionString: await createTestDatabase('es_v2'), max: 2 });
  try {
    await migrate(older, EVENT_STORE_COMPONENT, eventStoreMigrations.slice(0, 2));
    const before = testEvent({ data: { zeta: 1, alpha: { note: 'før', list: [1, 'two', null] } } });
    await older.query(`SELECT * FROM event_store.append('kept-1', 'no_stream', NULL, $1::jsonb)`,
      [JSON.stringify([{ id: before.id, type: before.type, data: before.data, metadata: before.metadata }])]);
    await older.query('SELECT * FROM event_store.sequence(10)');

    expect((await migrateEventStore(older)).map((applied) => applied.version)).toEqual([3]);
    const migrated = track(createPostgresEventStore({ pool: older }));
    const after = testEvent({ data: { zulu: 2, a: { b: 1, a: 2 } } });
    await migrated.appendToStream('kept-1', [after], { expected: 0 });

    const [first, second] = await migrated.readStream('kept-1');
    expect(first).toMatchObject({ id: before.id, data: before.data, metadata: before.metadata, position: 1 });
    expect(second).toMatchObject({ id: after.id, data: after.data, position: 2 });
    expect(Object.keys(second?.data as object)).toEqual(['zulu', 'a']);
    const stored = await older.query<{ data: string }>('SELECT data::text AS data FROM event_store.events WHERE id = $1', [after.id]);
    expect(stored.rows[0]?.data).toBe(JSON.stringify(after.data));
  } finally {
    await older.end();
  }
});

test('an unreachable database is StoreUnavailableError, for every operation', async () => {
  const unreachable = track(createPostgresEventStore({ connectionString: 'postgres://nobody:secret@127.0.0.1:1/none' }));
  await expect(unreachable.appendToStream(newStream(), [testEvent()])).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(unreachable.readStream(newStream())).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(unreachable.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(unreachable.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
  const subscription = unreachable.subscribeToAll();
  await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(StoreUnavailableError);
  await subscription.stop();
});

test('a closed store refuses work with StoreUnavailableError, and a pool it was given stays open', async () => {
  const onPool = createPostgresEventStore({ pool });
  await onPool.appendToStream(newStream(), [testEvent()]);
  await onPool.close();
  await expect(onPool.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
  expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
});

test('a subscriber on another pool follows appends made elsewhere', async () => {
  const subscriber = track(createPostgresEventStore({ connectionString: url }));
  const subscription = subscriber.subscribeToAll({ after: await store.headPosition() });
  try {
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    const appended = testEvent();
    await store.appendToStream(newStream(), [appended]);
    expect((await pending).value?.id).toBe(appended.id);
  } finally {
    await subscription.stop();
  }
});

test('a notification from another process wakes a subscriber that polls rarely; stop() releases the LISTEN connection', async () => {
  await until(async () => (await listeners()) === 0); // earlier tests' LISTEN connections have gone
  const subscriber = track(createPostgresEventStore({ connectionString: url, pollIntervalMs: 60_000 }));
  const subscription = subscriber.subscribeToAll({ after: await store.headPosition() });
  const pending = subscription[Symbol.asyncIterator]().next();
  await until(async () => (await listeners()) === 1);
  const appended = testEvent();
  await store.appendToStream(newStream(), [appended]);
  await store.headPosition(); // runs the sequencer here, which notifies
  expect((await pending).value?.id).toBe(appended.id);
  await subscription.stop();
  await until(async () => (await listeners()) === 0);
});

describe('the fence: positions follow transaction order, never commit order', () => {
  test('events of a newer transaction wait while an older one is open, then come after it', async () => {
    const head = await store.headPosition();
    const older = await pool.connect();
    try {
      await older.query('BEGIN');
      const first = testEvent();
      await appendInTransaction(older, newStream(), [first]); // this transaction has the older id
      const second = testEvent();
      const stream = newStream();
      await store.appendToStream(stream, [second]); // committed, but with a newer id

      const impatient = track(createPostgresEventStore({ connectionString: url, positionWaitMs: 50 }));
      expect(await impatient.readAll({ after: head })).toEqual([]);
      await expect(impatient.readStream(stream)).rejects.toBeInstanceOf(StoreUnavailableError);

      const reading = store.readStream(stream); // waits for the older transaction
      await older.query('COMMIT');
      const [read] = await reading;
      expect(read?.position).toBe(head + 2);
      expect((await store.readAll({ after: head })).map((e) => [e.id, e.position])).toEqual([
        [first.id, head + 1],
        [second.id, head + 2],
      ]);
    } finally {
      older.release();
    }
  });

  test('a rolled-back append leaves nothing behind, and its ids stay free', async () => {
    const head = await store.headPosition();
    const client = await pool.connect();
    const stream = newStream();
    const event = testEvent();
    try {
      await client.query('BEGIN');
      expect(await appendInTransaction(client, stream, [event])).toEqual({ nextExpectedRevision: 0, duplicate: false });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await store.readStream(stream)).toEqual([]);
    expect(await store.headPosition()).toBe(head);
    expect(await store.appendToStream(stream, [event], { expected: 'no_stream' })).toEqual({ nextExpectedRevision: 0, duplicate: false });
  });

  test('inside a transaction, appending after a newer transaction appended to the stream asks for a retry', async () => {
    const stream = newStream();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await appendInTransaction(client, newStream(), [testEvent()]); // takes a transaction id now
      await store.appendToStream(stream, [testEvent()]); // a newer transaction appends to the stream
      await expect(appendInTransaction(client, stream, [testEvent()])).rejects.toMatchObject({ code: '40001' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await store.readStream(stream)).map((e: RecordedEvent) => e.revision)).toEqual([0]);
  });
});

async function listeners(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN event_store_positioned'`,
  );
  return rows[0]?.n ?? 0;
}

/** Polls a condition only the database can tell (no event to await), boundedly. */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
