/** Group commit: concurrent appends share transactions, and each is answered as if it had been alone. */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';
import { testEvent } from '../conformance/testEvent.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type { AppendResult, EventStore } from '../port.js';
import { validateAppend } from '../validation.js';
import { migrateEventStore } from './migrations.js';
import { appendGroup, appendInTransaction } from './postgresAppend.js';
import { createPostgresEventStore } from './postgresEventStore.js';

let url: string;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  url = await createTestDatabase('es_group');
  pool = new Pool({ connectionString: url, max: 4 });
  await migrateEventStore(pool);
  store = createPostgresEventStore({ connectionString: url, groupCommit: true });
});
afterAll(async () => {
  await store.close();
  await pool.end();
});

const newStream = (): string => `group-${randomUUID()}`;
const limits = { maxPayloadBytes: 1 << 20 };

test('concurrent appends with every kind of outcome: grouped into shared transactions, each answered on its own', async () => {
  const kinds = ['ok', 'wrong', 'retry', 'taken', 'new'] as const;
  const cases = await Promise.all(Array.from({ length: 60 }, async (_, index) => {
    const stream = newStream();
    const first = testEvent();
    await store.appendToStream(stream, [first], { expected: 'no_stream' });
    return { stream, first, kind: kinds[index % kinds.length] as (typeof kinds)[number] };
  }));
  const taken = testEvent();
  await store.appendToStream(newStream(), [taken]);

  const appended = cases.map(({ stream, first, kind }) => {
    switch (kind) {
      case 'ok': return store.appendToStream(stream, [testEvent(), testEvent()], { expected: 0 });
      case 'wrong': return store.appendToStream(stream, [testEvent()], { expected: 5 });
      case 'retry': return store.appendToStream(stream, [first], { expected: 'no_stream' });
      case 'taken': return store.appendToStream(stream, [taken], { expected: 0 });
      case 'new': return store.appendToStream(newStream(), [testEvent()], { expected: 'no_stream' });
    }
  });
  const settled = await Promise.allSettled<AppendResult>(appended);

  settled.forEach((outcome, index) => {
    const { kind } = cases[index] as (typeof cases)[number];
    if (kind === 'ok') expect(outcome).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 2, duplicate: false } });
    if (kind === 'retry') expect(outcome).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, duplicate: true } });
    if (kind === 'new') expect(outcome).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, duplicate: false } });
    if (kind === 'wrong') {
      expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(outcome.status === 'rejected' && (outcome.reason as WrongExpectedVersionError).actual).toBe(0);
    }
    if (kind === 'taken') expect(outcome.status === 'rejected' && (outcome.reason as DuplicateEventIdError).eventId).toBe(taken.id);
  });
  for (const { stream, kind } of cases) {
    expect(await store.readStream(stream)).toHaveLength(kind === 'ok' ? 3 : 1);
  }
  // The point of it: several appends committed in one transaction.
  const { rows } = await pool.query<{ largest: number }>(
    `SELECT max(n)::int AS largest FROM (SELECT count(DISTINCT stream) AS n FROM event_store.events WHERE stream = ANY($1) GROUP BY tx) groups`,
    [cases.map(({ stream }) => stream)],
  );
  expect(rows[0]?.largest).toBeGreaterThan(1);
});

test('a group that loses a race to another transaction is rolled back and each append is tried alone', async () => {
  const contested = testEvent();
  const [blocker, s1, s2] = [newStream(), newStream(), newStream()];
  const other = await pool.connect();
  try {
    await other.query('BEGIN');
    await appendInTransaction(other, blocker, [contested]);
    // Its insert waits on the uncommitted id, then finds it taken: the group's transaction fails.
    const group = appendGroup(pool, [
      validateAppend(s1, [testEvent()], { expected: 'no_stream' }, limits),
      validateAppend(s2, [contested], { expected: 'no_stream' }, limits),
    ]);
    await waitForLockWait();
    await other.query('COMMIT');
    const [first, second] = await group;
    expect(first).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, duplicate: false } });
    expect(second?.status === 'rejected' && second.reason).toBeInstanceOf(DuplicateEventIdError);
  } finally {
    other.release();
  }
  expect(await store.readStream(s1)).toHaveLength(1);
  expect(await store.readStream(s2)).toEqual([]);
});

/** Until some backend waits for a lock (the group's insert behind the uncommitted id). */
async function waitForLockWait(): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await pool.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('No append waited for the uncommitted id');
}
