/**
 * Projector benchmark on a durable (fsync on) embedded PostgreSQL in a temporary
 * directory, removed afterwards (also on failure or interruption).
 *
 * 1. Catch-up: >= 500,000 domain events in the store; `startProjector` with every
 *    projection from zero to the head, events/s, beside the store's raw `readAll` rate
 *    (pages of 1,000) over the same events in the same run, and the CPU time per event of
 *    the projector and of PostgreSQL's processes. Then the operator's rebuild
 *    of each projection alone, the others following, events/s each.
 * 2. Live, after a VACUUM ANALYZE of what the catch-up wrote: course API, projector and
 *    timeline gateway each in a process of its own, as deployed; HTTP commands at 200/s;
 *    latency from the HTTP response to the socket.io client receiving the entry.
 *
 * Last line: {"catchUpPerSec","rawReadPerSec","ratio","liveLatencyMs":{"p50","p99"}}.
 *
 * Environment: MEDFRI_BENCH_EVENTS (500,000) for a smaller store while iterating;
 * MEDFRI_BENCH_LIVE=off skips phase 2 (liveLatencyMs is then null);
 * MEDFRI_PROJECTOR_BATCH_SIZE as for the projector.
 */
import { startTemporaryCluster } from '@medfri/embedded-postgres';
import { createPostgresEventStore, migrateEventStore } from '@medfri/event-store';
import { scavengeOnMainThreadOnFewCores, type Projector } from '@medfri/projector';
import { cpuMeter } from '@medfri/test-kit/processCpu';
import { Pool } from 'pg';
import { pino } from 'pino';
import { projectorCatchUp, rawReadAll, rebuildEach } from './catchUp.js';
import { fillStore } from './fillStore.js';
import { liveLatency } from './liveLatency.js';

const EVENTS = Number(process.env.MEDFRI_BENCH_EVENTS ?? 500_000);
const BATCH_SIZE = Number(process.env.MEDFRI_PROJECTOR_BATCH_SIZE ?? 500);
// `off` measures catch-up only, for iterating on the projector.
const LIVE = process.env.MEDFRI_BENCH_LIVE !== 'off';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  // The catch-up runs the projector in this process: set up as the projector's CLI and the
  // launcher set up theirs, so that what is measured is what runs.
  scavengeOnMainThreadOnFewCores();
  const cluster = await startTemporaryCluster({ prefix: 'medfri-projector-bench' });
  const silent = pino({ level: 'silent' });
  const admin = new Pool({ connectionString: cluster.url, max: 2 });
  admin.on('error', () => undefined); // idle connections end with the cluster
  const store = createPostgresEventStore({ connectionString: cluster.url });
  let projector: Projector | undefined;
  try {
    await migrateEventStore(admin);
    const filled = await fillStore(store, EVENTS);
    // The sequencer positions what was appended (in production it runs alongside appends).
    let head = await store.headPosition();
    while (head < filled.appended) head = await store.headPosition();
    await admin.query('VACUUM ANALYZE event_store.events');
    await admin.query('CHECKPOINT');
    log(`store: ${filled.appended} events in ${filled.streams} streams (${filled.copies} copies of ${filled.template} decided events), decided in ${(filled.decideMs / 1000).toFixed(1)} s, filled in ${(filled.ms / 1000).toFixed(1)} s`);

    const raw = await rawReadAll(store, head);
    log(`raw readAll: ${Math.round(raw.perSec)} events/s`);
    // The projector runs in this process while it catches up.
    const cpu = await cpuMeter(cluster.url, {}, 'projector');
    const caughtUp = await projectorCatchUp(admin, cluster.url, head, BATCH_SIZE, silent);
    projector = caughtUp.projector;
    const catchUp = caughtUp.rate;
    const cpuPerEvent = await cpu.perOperation(head);
    const ratio = catchUp.perSec / raw.perSec;
    log(`catch-up: ${Math.round(catchUp.perSec)} events/s`);
    const rebuilds = await rebuildEach(admin, head);
    // The live phase runs every service in a process of its own, the projector included.
    await projector.close();
    projector = undefined;
    // Steady state for the live phase: what autovacuum would do after a catch-up of this
    // size (analyse and vacuum millions of new rows) is done before, not during, it.
    await admin.query('VACUUM ANALYZE');
    await admin.query('CHECKPOINT');
    const live = LIVE ? await liveLatency(cluster.url) : undefined;

    const rows: [string, string][] = [
      ['raw readAll, pages of 1000', `${Math.round(raw.perSec)} events/s (${(raw.ms / 1000).toFixed(1)} s)`],
      [`catch-up, all projections, batch ${BATCH_SIZE}`, `${Math.round(catchUp.perSec)} events/s (${(catchUp.ms / 1000).toFixed(1)} s)`],
      ['ratio catch-up / raw', ratio.toFixed(2)],
      ...(cpuPerEvent ? [['catch-up CPU per event', Object.entries(cpuPerEvent).map(([name, ms]) => `${name} ${(ms * 1000).toFixed(1)} µs`).join(', ')]] satisfies [string, string][] : []),
      ...rebuilds.map(({ name, rate: each }): [string, string] => [`rebuild of ${name} alone`, `${Math.round(each.perSec)} events/s (${(each.ms / 1000).toFixed(1)} s)`]),
      ...(live ? [
        ['live commands', `${live.commands} measured, ${live.skipped} skipped (every patient waiting for an entry), HTTP p99 ${live.commandP99.toFixed(1)} ms`],
        ['live HTTP response -> socket entry', `p50 ${live.p50.toFixed(1)} ms, p99 ${live.p99.toFixed(1)} ms, max ${live.max.toFixed(1)} ms`],
      ] satisfies [string, string][] : []),
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) log(`${name.padEnd(width)}  ${value}`);
    log(JSON.stringify({
      catchUpPerSec: Math.round(catchUp.perSec), rawReadPerSec: Math.round(raw.perSec), ratio: Number(ratio.toFixed(2)),
      liveLatencyMs: live ? { p50: Number(live.p50.toFixed(1)), p99: Number(live.p99.toFixed(1)) } : null,
    }));
  } finally {
    await projector?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
