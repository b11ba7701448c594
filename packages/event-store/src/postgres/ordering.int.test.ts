/**
 * Proof of the global order under concurrency: many writers, some holding their
 * transaction open before COMMIT, some rolling back, some appending to two streams in one
 * transaction, while a subscriber follows live from the start. The subscriber must get
 * every committed event exactly once, at contiguous positions, in transaction order, and
 * never a rolled-back one.
 */
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';
import { testEvent } from '../conformance/testEvent.js';
import type { EventData, EventStore, RecordedEvent } from '../port.js';
import { appendInTransaction } from './postgresAppend.js';
import { migrateEventStore } from './migrations.js';
import { createPostgresEventStore } from './postgresEventStore.js';

const WRITERS = 10;
const WRITE_FOR_MS = 3_000;
const DRAIN_TIMEOUT_MS = 20_000;
const SHARED_STREAMS = ['shared-0', 'shared-1', 'shared-2'];

let url: string;
let transactions: Pool;
let writer: EventStore;
let follower: EventStore;

beforeAll(async () => {
  url = await createTestDatabase('order');
  transactions = new Pool({ connectionString: url, max: WRITERS });
  await migrateEventStore(transactions);
  writer = createPostgresEventStore({ connectionString: url, poolSize: WRITERS });
  follower = createPostgresEventStore({ connectionString: url, poolSize: 3 });
});
afterAll(async () => {
  await Promise.all([writer?.close(), follower?.close()]);
  await transactions?.end();
});

test(
  `${WRITERS} concurrent writers with slow, rolled-back and two-stream transactions: a live subscriber gets every committed event once, in order`,
  async () => {
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const received: RecordedEvent[] = [];
    let notifyReceived: () => void = () => undefined;

    const subscription = follower.subscribeToAll({ after: 0, pageSize: 200 });
    const consuming = (async () => {
      for await (const event of subscription) {
        received.push(event);
        notifyReceived();
      }
    })();

    const stopAt = Date.now() + WRITE_FOR_MS;
    const counts = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) => runWriter(index, stopAt, committed, rolledBack)),
    );
    const total = counts.reduce((sum, c) => ({
      autocommit: sum.autocommit + c.autocommit,
      slow: sum.slow + c.slow,
      rolledBack: sum.rolledBack + c.rolledBack,
      twoStream: sum.twoStream + c.twoStream,
      retryAsked: sum.retryAsked + c.retryAsked,
    }));
    // The run must have exercised what it claims to.
    expect(total.slow).toBeGreaterThan(5);
    expect(total.rolledBack).toBeGreaterThan(5);
    expect(total.twoStream).toBeGreaterThan(5);
    expect(total.autocommit).toBeGreaterThan(20);

    // Wait (boundedly) until the subscriber has as many events as were committed.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`subscriber has ${received.length} of ${committed.size} committed events`)),
        DRAIN_TIMEOUT_MS,
      );
      notifyReceived = () => {
        if (received.length >= committed.size) {
          clearTimeout(timer);
          resolve();
        }
      };
      notifyReceived();
    });
    expect(await writer.headPosition()).toBe(committed.size); // rolled-back rows never get a position
    await subscription.stop();
    await consuming;

    // Exactly once, contiguous from 1, nothing rolled back.
    expect(received).toHaveLength(committed.size);
    expect(received.map((e) => e.position)).toEqual(received.map((_, i) => i + 1));
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    expect(received.filter((e) => !committed.has(e.id))).toEqual([]);
    expect(received.filter((e) => rolledBack.has(e.id))).toEqual([]);

    // Every stream's events arrive in revision order, without holes.
    const nextRevision = new Map<string, number>();
    for (const event of received) {
      expect(event.revision).toBe(nextRevision.get(event.stream) ?? 0);
      nextRevision.set(event.stream, event.revision + 1);
    }

    // The order is transaction order, fixed by the data and not by when anything committed
    // or when the sequencer ran: a slow transaction's events sit at its transaction id.
    const { rows } = await transactions.query<{ id: string }>('SELECT id FROM event_store.events ORDER BY tx, seq');
    expect(received.map((e) => e.id)).toEqual(rows.map((row) => row.id));

    // A fresh reader from 0 sees exactly the same history.
    const fresh = createPostgresEventStore({ connectionString: url, poolSize: 2 });
    try {
      const history: RecordedEvent[] = [];
      for (;;) {
        const page = await fresh.readAll({ after: history.length, maxCount: 1000 });
        if (page.length === 0) break;
        history.push(...page);
      }
      expect(history).toEqual(received);
    } finally {
      await fresh.close();
    }
  },
  60_000,
);

interface WriterCounts {
  autocommit: number;
  slow: number;
  rolledBack: number;
  twoStream: number;
  retryAsked: number;
}

async function runWriter(index: number, stopAt: number, committed: Set<string>, rolledBack: Set<string>): Promise<WriterCounts> {
  const random = mulberry32(0x5eed + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ownStream = (): string => `w${index}-${randomUUID()}`;
  const events = (n: number): EventData[] => Array.from({ length: n }, () => testEvent({ data: { writer: index } }));
  const counts: WriterCounts = { autocommit: 0, slow: 0, rolledBack: 0, twoStream: 0, retryAsked: 0 };
  const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  // Holds a transaction open around appends; the pause is the point (a slow writer), not a wait for a condition.
  const inTransaction = async (work: (client: PoolClient) => Promise<EventData[]>, holdMs: number, commit: boolean): Promise<void> => {
    const client = await transactions.connect();
    let written: EventData[] = [];
    try {
      await client.query('BEGIN');
      written = await work(client);
      await pause(holdMs);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      for (const event of written) (commit ? committed : rolledBack).add(event.id);
      if (commit) counts.slow += 1;
      else counts.rolledBack += 1;
    } catch (error) {
      await client.query('ROLLBACK');
      // The guard against placing a stream's later revision before an earlier one: a retry signal.
      if ((error as { code?: unknown }).code !== '40001') throw error;
      counts.retryAsked += 1;
    } finally {
      client.release();
    }
  };

  while (Date.now() < stopAt) {
    const dice = random();
    if (dice < 0.4) {
      const batch = events(1 + Math.floor(random() * 3));
      await writer.appendToStream(random() < 0.3 ? pick(SHARED_STREAMS) : ownStream(), batch);
      for (const event of batch) committed.add(event.id);
      counts.autocommit += 1;
    } else if (dice < 0.6) {
      await inTransaction(async (client) => {
        const batch = events(1 + Math.floor(random() * 3));
        await appendInTransaction(client, random() < 0.3 ? pick(SHARED_STREAMS) : ownStream(), batch);
        return batch;
      }, 5 + random() * 80, true);
    } else if (dice < 0.75) {
      await inTransaction(async (client) => {
        const batch = events(1 + Math.floor(random() * 3));
        await appendInTransaction(client, ownStream(), batch);
        return batch;
      }, random() * 40, false);
    } else if (dice < 0.9) {
      await inTransaction(async (client) => {
        // Own stream first, then a shared one: locks are always taken in that order, so no deadlocks.
        const first = events(1 + Math.floor(random() * 2));
        await appendInTransaction(client, ownStream(), first);
        const second = events(1 + Math.floor(random() * 2));
        await appendInTransaction(client, pick(SHARED_STREAMS), second);
        counts.twoStream += 1;
        return [...first, ...second];
      }, random() * 50, true);
    } else {
      const batch = events(20 + Math.floor(random() * 30));
      await writer.appendToStream(ownStream(), batch, { expected: 'no_stream' });
      for (const event of batch) committed.add(event.id);
      counts.autocommit += 1;
    }
  }
  return counts;
}

/** A small seeded generator, so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
