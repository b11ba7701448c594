/**
 * Event store benchmark against a raw-SQL baseline on the same durable (fsync on)
 * PostgreSQL, in the same run. Prints a table, then one JSON line (events per second):
 * {"appendSingle":{"ours","raw","ratio"},"appendBatch":{...},"readAll":{...},"subscriptionLagMs":{"p50","p99"}}
 *
 * Run: npm run bench (in this package), or npm run bench at the root.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { startTemporaryCluster } from '@medfri/embedded-postgres';
import { createPostgresEventStore, migrateEventStore, type EventData, type EventStore } from '../src/index.js';
import { now } from './lagSubscriber.js';

const CONCURRENCY = 8;
const BATCH = 100;
const ROUND_MS = 2_500;
const ROUNDS = 2; // ours and raw alternate, twice, so drift on a noisy machine hits both
const READ_AT_LEAST = 200_000;
const READ_PAGE = 1_000;
const LAG_RATE_PER_S = 1_000;
const LAG_FOR_MS = 5_000;
// Enough connections that appends never queue in the writer's pool at this rate.
const LAG_WRITER_CONNECTIONS = 24;

interface Throughput {
  events: number;
  ms: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cluster = await startTemporaryCluster({ prefix: 'medfri-bench' });
  const pools: Pool[] = [];
  const stores: EventStore[] = [];
  const pool = (max: number): Pool => {
    const created = new Pool({ connectionString: cluster.url, max });
    created.on('error', () => undefined); // idle connections end with the cluster
    pools.push(created);
    return created;
  };
  try {
    const admin = pool(2);
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'server_version')`,
    );
    log(`PostgreSQL ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(' ')}`);
    await migrateEventStore(admin);
    await admin.query(`CREATE TABLE raw_events (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      stream text NOT NULL,
      revision bigint NOT NULL,
      type text NOT NULL,
      data json NOT NULL,
      metadata json NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream, revision))`);

    const store = createPostgresEventStore({ pool: pool(CONCURRENCY + 2) });
    stores.push(store);
    const raw = pool(CONCURRENCY);
    log(`event row: ${Buffer.byteLength(JSON.stringify(benchEvent().data)) + Buffer.byteLength(JSON.stringify(benchEvent().metadata))} bytes of JSON (data + metadata)`);

    // Each phase starts right after a checkpoint, so none pays for one that another phase caused.
    const checkpoint = (): Promise<unknown> => admin.query('CHECKPOINT');
    // Open every connection (and prepare its statements) before anything is timed.
    const warmUp = (connections: number, operation: () => Promise<unknown>): Promise<unknown> =>
      Promise.all(Array.from({ length: connections * 3 }, operation));
    await warmUp(CONCURRENCY, () => store.appendToStream(`warm-${randomUUID()}`, benchEvents(1)));
    await warmUp(CONCURRENCY, () => store.appendToStream(`warm-${randomUUID()}`, benchEvents(BATCH)));
    await warmUp(CONCURRENCY, () => rawInsert(raw, 1));
    await warmUp(CONCURRENCY, () => rawInsert(raw, BATCH));

    // (a) single-event appends to distinct streams, 8 concurrent callers.
    await checkpoint();
    const single = await alternate(
      () => timed(CONCURRENCY, ROUND_MS, 1, () => store.appendToStream(`bench-${randomUUID()}`, [benchEvent()], { expected: 'no_stream' })),
      () => timed(CONCURRENCY, ROUND_MS, 1, () => rawInsert(raw, 1)),
    );
    // (b) 100-event appends (one stream each), against 100-row multi-value INSERTs.
    await checkpoint();
    const batch = await alternate(
      () => timed(CONCURRENCY, ROUND_MS, BATCH, () => store.appendToStream(`bench-${randomUUID()}`, benchEvents(BATCH), { expected: 'no_stream' })),
      () => timed(CONCURRENCY, ROUND_MS, BATCH, () => rawInsert(raw, BATCH)),
    );

    // Top both tables up to the read size (not measured).
    const count = async (sql: string): Promise<number> => Number((await admin.query<{ n: string }>(sql)).rows[0]?.n);
    const fill = async (have: number, add: () => Promise<unknown>): Promise<void> => {
      const missing = Math.max(0, READ_AT_LEAST - have);
      const calls = Math.ceil(missing / BATCH);
      let next = 0;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < calls) await add();
      }));
    };
    await fill(await count('SELECT count(*) AS n FROM event_store.events'), () =>
      store.appendToStream(`bench-${randomUUID()}`, benchEvents(BATCH)));
    await fill(await count('SELECT count(*) AS n FROM raw_events'), () => rawInsert(raw, BATCH));

    // The sequencer positions everything appended so far (in production it runs alongside appends).
    const unpositioned = await count('SELECT count(*) AS n FROM event_store.events WHERE position IS NULL');
    const appended = await count('SELECT count(*) AS n FROM event_store.events');
    const sequencing = performance.now();
    let head = await store.headPosition();
    for (let i = 0; head < appended && i < 100; i++) head = await store.headPosition();
    const sequencedIn = performance.now() - sequencing;
    await admin.query('VACUUM ANALYZE event_store.events');
    await admin.query('VACUUM ANALYZE raw_events');
    await checkpoint();

    // (c) catch-up reads over everything, 1,000 per page, against keyset-paged SELECTs.
    const readCount = Math.min(head, await count('SELECT count(*) AS n FROM raw_events'));
    const reads = await alternate(
      async () => {
        const start = performance.now();
        let after = 0;
        while (after < readCount) {
          const page = await store.readAll({ after, maxCount: Math.min(READ_PAGE, readCount - after) });
          after = page[page.length - 1]?.position ?? readCount;
        }
        return { events: readCount, ms: performance.now() - start };
      },
      async () => {
        const start = performance.now();
        let after = 0;
        let read = 0;
        while (read < readCount) {
          const { rows } = await raw.query<{ id: string }>({
            name: 'raw_read',
            text: 'SELECT id, event_id, stream, revision, type, data, metadata, recorded_at FROM raw_events WHERE id > $1 ORDER BY id LIMIT $2',
            values: [after, Math.min(READ_PAGE, readCount - read)],
          });
          if (rows.length === 0) break;
          read += rows.length;
          after = Number(rows[rows.length - 1]?.id);
        }
        return { events: read, ms: performance.now() - start };
      },
    );

    // (d) append-to-delivery lag at about 1,000 appends/s; the subscriber runs in a worker thread with its own pool.
    const writer = createPostgresEventStore({ pool: pool(LAG_WRITER_CONNECTIONS) });
    stores.push(writer);
    const rawPaced = pool(LAG_WRITER_CONNECTIONS);
    await warmUp(LAG_WRITER_CONNECTIONS, () => writer.appendToStream(`warm-${randomUUID()}`, benchEvents(1)));
    await warmUp(LAG_WRITER_CONNECTIONS, () => rawInsert(rawPaced, 1));
    await checkpoint();
    const lag = await measureLag(writer, cluster.url);
    // For scale: the same schedule of plain INSERTs, acknowledged (no subscriber involved).
    const rawLatency = await paced(() => rawInsert(rawPaced, 1));

    const result = {
      appendSingle: summary(single),
      appendBatch: summary(batch),
      readAll: summary(reads),
      subscriptionLagMs: { p50: round(lag.p50, 1), p99: round(lag.p99, 1) },
    };
    printTable(result, {
      sequencer: { events: unpositioned, ms: sequencedIn },
      lag,
      rawLatency,
      totalSeconds: (performance.now() - started) / 1000,
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await Promise.allSettled(stores.map((s) => s.close()));
    await Promise.allSettled(pools.map((p) => p.end()));
    await cluster.stop();
  }
}

/** Runs ours and raw alternately, ROUNDS times each, and adds up their events and time. */
async function alternate(ours: () => Promise<Throughput>, raw: () => Promise<Throughput>): Promise<{ ours: Throughput; raw: Throughput }> {
  const total = { ours: { events: 0, ms: 0 }, raw: { events: 0, ms: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [key, run] of (round % 2 === 0 ? [['ours', ours], ['raw', raw]] : [['raw', raw], ['ours', ours]]) as Array<['ours' | 'raw', () => Promise<Throughput>]>) {
      const { events, ms } = await run();
      total[key].events += events;
      total[key].ms += ms;
    }
  }
  return total;
}

/** `concurrency` callers repeat `operation` until the time is up; counts completed events. */
async function timed(concurrency: number, forMs: number, eventsPerCall: number, operation: () => Promise<unknown>): Promise<Throughput> {
  const start = performance.now();
  const stopAt = start + forMs;
  let calls = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < stopAt) {
      await operation();
      calls += 1;
    }
  }));
  return { events: calls * eventsPerCall, ms: performance.now() - start };
}

const rawStatements = new Map<number, string>();
/** The baseline: a plain INSERT of the same rows (one statement, autocommit), multi-value for batches. */
function rawInsert(raw: Pool, rows: number): Promise<unknown> {
  let text = rawStatements.get(rows);
  if (!text) {
    const tuples = Array.from({ length: rows }, (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`);
    text = `INSERT INTO raw_events (event_id, stream, revision, type, data, metadata) VALUES ${tuples.join(', ')}`;
    rawStatements.set(rows, text);
  }
  const stream = `bench-${randomUUID()}`;
  const values = benchEvents(rows).flatMap((event, revision) => [
    event.id, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata),
  ]);
  return raw.query({ name: `raw_insert_${rows}`, text, values });
}

interface Lag {
  p50: number;
  p99: number;
  max: number;
  events: number;
  /** The append itself (call to acknowledgement), for comparison. */
  appendP50: number;
  appendP99: number;
}

/** Calls `operation` LAG_RATE_PER_S times a second for LAG_FOR_MS; latency percentiles of the calls. */
async function paced(operation: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  const total = Math.round((LAG_RATE_PER_S * LAG_FOR_MS) / 1000);
  const start = performance.now();
  const inFlight: Array<Promise<unknown>> = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / LAG_RATE_PER_S - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(operation().then(() => latencies.push(performance.now() - sent)));
  }
  await Promise.all(inFlight);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function measureLag(writer: EventStore, url: string): Promise<Lag> {
  const total = Math.round((LAG_RATE_PER_S * LAG_FOR_MS) / 1000);
  const worker = new Worker(join(__dirname, 'lagSubscriber.js'), {
    workerData: { url, expected: total, timeoutMs: LAG_FOR_MS + 15_000 },
  });
  const fromWorker = new Promise<number[]>((resolve, reject) => {
    worker.on('message', (message: { lags?: number[]; error?: string }) => {
      if (message.lags) resolve(message.lags);
      if (message.error) reject(new Error(message.error));
    });
    worker.on('error', reject);
  });
  await new Promise<void>((resolve) => worker.once('message', () => resolve())); // subscribed and caught up

  const appendLatencies: number[] = [];
  const start = performance.now();
  const inFlight: Array<Promise<unknown>> = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / LAG_RATE_PER_S - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const event = benchEvent();
    const sent = now();
    event.data = { ...(event.data as object), sentAt: sent };
    inFlight.push(writer.appendToStream(`lag-${randomUUID()}`, [event]).then(() => appendLatencies.push(now() - sent)));
  }
  await Promise.all(inFlight);
  const lags = await fromWorker;
  await worker.terminate();
  if (lags.length < total) log(`warning: only ${lags.length} of ${total} events were delivered in time`);
  const appendP50 = percentile(appendLatencies, 0.5);
  if (appendP50 > 50) {
    log(`warning: appends took ${Math.round(appendP50)} ms (p50): the writer could not keep up with ${LAG_RATE_PER_S}/s on this machine now, so the lag below is mostly queueing`);
  }
  return {
    p50: percentile(lags, 0.5),
    p99: percentile(lags, 0.99),
    max: percentile(lags, 1),
    events: lags.length,
    appendP50,
    appendP99: percentile(appendLatencies, 0.99),
  };
}

function summary({ ours, raw }: { ours: Throughput; raw: Throughput }): { ours: number; raw: number; ratio: number } {
  const oursRate = (ours.events * 1000) / ours.ms;
  const rawRate = (raw.events * 1000) / raw.ms;
  return { ours: Math.round(oursRate), raw: Math.round(rawRate), ratio: round(oursRate / rawRate, 2) };
}

function printTable(
  result: { appendSingle: Row; appendBatch: Row; readAll: Row; subscriptionLagMs: { p50: number; p99: number } },
  extra: { sequencer: Throughput; lag: Lag; rawLatency: { p50: number; p99: number }; totalSeconds: number },
): void {
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(44) : c.padStart(12))).join('');
  const rows = [
    line(['measure (events/s)', 'ours', 'raw SQL', 'ratio']),
    line([`(a) 1-event appends, ${CONCURRENCY} callers`, ...cells(result.appendSingle)]),
    line([`(b) ${BATCH}-event appends, ${CONCURRENCY} callers`, ...cells(result.appendBatch)]),
    line([`(c) readAll catch-up, pages of ${READ_PAGE}`, ...cells(result.readAll)]),
    line(['sequencer: positioning the backlog', String(Math.round((extra.sequencer.events * 1000) / extra.sequencer.ms)), '', '']),
    line([`(d) lag at ${LAG_RATE_PER_S}/s, ms (p50 / p99 / max)`, `${result.subscriptionLagMs.p50}`, `${result.subscriptionLagMs.p99}`, `${round(extra.lag.max, 1)}`]),
    line(['    of which the append itself (p50 / p99)', `${round(extra.lag.appendP50, 1)}`, `${round(extra.lag.appendP99, 1)}`, '']),
    line([`    raw INSERT at ${LAG_RATE_PER_S}/s, ms (p50 / p99)`, `${round(extra.rawLatency.p50, 1)}`, `${round(extra.rawLatency.p99, 1)}`, '']),
  ];
  process.stdout.write(`${rows.join('\n')}\n(${extra.lag.events} lag samples; bench took ${round(extra.totalSeconds, 1)} s)\n`);
}

type Row = { ours: number; raw: number; ratio: number };
const cells = (row: Row): string[] => [String(row.ours), String(row.raw), row.ratio.toFixed(2)];
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (message: string): void => void process.stdout.write(`${message}\n`);

// About 500 bytes of JSON per event (data + metadata), like a typical clinical event.
const note = 'Dose reduced as planned; patient reports sleep is better, mild restlessness in the evenings.';
function benchEvent(): EventData {
  return {
    id: randomUUID(),
    type: 'TaperingStepCompleted',
    data: {
      courseId: randomUUID(),
      medication: { atc: 'N05AH04', name: 'quetiapine', formulation: 'tablet' },
      step: { index: 7, fromMg: 125, toMg: 100, plannedFor: '2025-03-01', completedOn: '2025-03-02' },
      observation: note,
    },
    metadata: {
      occurredAt: '2025-03-02T09:15:00.000Z',
      actor: { id: randomUUID(), role: 'clinician' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      schemaVersion: 1,
    },
  };
}
function benchEvents(n: number): EventData[] {
  return Array.from({ length: n }, benchEvent);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
