/**
 * Course API benchmark on a durable (fsync on) embedded PostgreSQL; the service and the
 * projector each run in a process of their own, as deployed; autocannon over loopback.
 *
 * 1. Fixed rate: a clinical mix (40 % log a tapering step, 40 % record an observation,
 *    20 % read a course) at ~500 commands/s, twice: autocannon's rate limit (each second's
 *    quota sent at once, a burst), then evenly spread (pacedLoad): latency p50/p99 of every
 *    request. p99Ms is the even one's: latency at the rate, not queueing inside a burst.
 * 2. Saturation: the commands of the mix only, as fast as 16 connections go: commands/s.
 * 3. The event store's raw single-event append, 8 concurrent callers, same database.
 * 4. The floor: a bare express route appending the same event as phase 3
 *    (bareAppendService.ts), saturated like phase 2: what express, node's HTTP server and
 *    the load generator alone keep of the store's rate, which no command can exceed.
 *
 * ratio = saturated commands/s ÷ raw appends/s: the share of the store's append rate the
 * whole HTTP path (token, policy, stream read, vault, decide, seal, append) keeps.
 * Last line: {"commandsPerSec","p99Ms","storeAppendPerSec","ratio"}.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startTemporaryCluster } from '@medfri/embedded-postgres';
import { createPostgresEventStore } from '@medfri/event-store';
import { makeNationalIdentityNumber } from '../src/vault/nationalIdentityNumberGenerator.js';
import { cpuMeter } from '@medfri/test-kit/processCpu';
import { startServiceProcess, type ServiceProcess } from '@medfri/test-kit/serviceProcess';
import { BENCH_EVENT_DATA, benchEvent } from './benchEvent.js';
import { pacedLoad, type PacedRequest } from './pacedLoad.js';

const UNIT = 'unn-asgard';
const PATIENTS = 60;
const COMMANDS_PER_SEC = 500;
const COMMAND_SHARE = 0.8;
const FIXED_RATE_SECONDS = 12;
const SATURATION_SECONDS = 6;
const STORE_CALLERS = 8;
const STORE_MS = 5_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const projectorCli = join(dirname(require.resolve('@medfri/projector')), 'cli.js');

async function main(): Promise<void> {
  const cluster = await startTemporaryCluster({ prefix: 'medfri-course-api-bench' });
  const running: ServiceProcess[] = [];
  try {
    const [apiPort, projectorPort] = [await freePort(), await freePort()];
    const api = { url: `http://127.0.0.1:${apiPort}` };
    const isReady = (url: string) => async () => (await fetch(url)).ok;
    running.push(await startServiceProcess(join(__dirname, '..', 'src', 'main.js'), [], {
      MEDFRI_MODE: 'development', DATABASE_URL: cluster.url, PORT: String(apiPort), MEDFRI_LOG_LEVEL: 'silent',
      // One clinician sends everything: the per-token limit would refuse most of it.
      MEDFRI_RATE_LIMIT_PER_MINUTE: '100000000',
    }, isReady(`${api.url}/readyz`)));
    running.push(await startServiceProcess(projectorCli, ['run'], {
      DATABASE_URL: cluster.url, MEDFRI_PROJECTOR_PORT: String(projectorPort), MEDFRI_LOG_LEVEL: 'silent',
    }, isReady(`http://127.0.0.1:${projectorPort}/metrics`)));
    const token = await post(api.url, '/dev/token', undefined, { user: 'clinician-asgard' }) as { access_token: string };
    const bearer = `Bearer ${token.access_token}`;
    const courses: { path: string; planId: string }[] = [];
    for (let index = 0; index < PATIENTS; index += 1) courses.push(await prepareCourse(api.url, bearer, index));
    log(`${PATIENTS} courses admitted, each with sertraline 50 mg and a started hyperbolic tapering step`);

    let turn = 0;
    const held = new Map<string, boolean>();
    const counts = { step: 0, observation: 0, read: 0 };
    /** The next request of the clinical mix: with reads, every fifth reads a course. */
    const nextRequest = (withReads: boolean) => (): PacedRequest => {
      turn += 1;
      const course = courses[turn % courses.length];
      const kind = withReads && turn % 5 === 0 ? 'read' : turn % 2 === 0 ? 'step' : 'observation';
      counts[kind] += 1;
      if (kind === 'read') return { method: 'GET', path: course?.path ?? '', headers: { authorization: bearer } };
      const headers = { authorization: bearer, 'content-type': 'application/json' };
      if (kind === 'observation') {
        return { method: 'POST', path: `${course?.path}/record-patient-experience`, headers, body: JSON.stringify({ mood: 3, text: 'Sov bedre i natt' }) };
      }
      // Log a tapering step: hold the current step, then resume it, in turn.
      const wasHeld = held.get(course?.path ?? '') ?? false;
      held.set(course?.path ?? '', !wasHeld);
      const action = wasHeld ? 'resume-tapering-step' : 'hold-tapering-step';
      const body = wasHeld ? { planId: course?.planId, stepIndex: 1 } : { planId: course?.planId, stepIndex: 1, reason: 'withdrawal_symptoms' };
      return { method: 'POST', path: `${course?.path}/${action}`, headers, body: JSON.stringify(body) };
    };
    // Headers afresh for every request: autocannon writes Content-Length into the object it
    // is given, and a GET carrying a stale one leaves the server waiting for a body.
    const forAutocannon = (next: () => PacedRequest) => (request: autocannon.Request): autocannon.Request => ({ ...request, body: undefined, ...next() });
    const resetCounts = () => Object.assign(counts, { step: 0, observation: 0, read: 0 });

    const fixed = await autocannon({
      url: api.url, connections: 32, duration: FIXED_RATE_SECONDS, overallRate: Math.round(COMMANDS_PER_SEC / COMMAND_SHARE),
      requests: [{ setupRequest: forAutocannon(nextRequest(true)) }],
    });
    const fixedCommands = (counts.step + counts.observation) / FIXED_RATE_SECONDS;
    log(`autocannon fixed rate: ${fixed.requests.total} requests (${counts.step} steps, ${counts.observation} observations, ${counts.read} reads), ${fixed.non2xx} non-2xx, ${fixed.errors} errors, ${fixed.timeouts} timeouts`);
    log(`autocannon fixed rate: responses by status ${statuses(fixed)}`);
    log(`autocannon fixed rate (each second's quota sent at once): ${fixedCommands.toFixed(0)} commands/s, latency p50 ${fixed.latency.p50} ms, p99 ${fixed.latency.p99} ms`);

    resetCounts();
    const paced = await pacedLoad({ url: api.url, ratePerSec: Math.round(COMMANDS_PER_SEC / COMMAND_SHARE), seconds: FIXED_RATE_SECONDS, connections: 64, next: nextRequest(true) });
    const pacedStatuses = Object.entries(paced.statuses).map(([status, count]) => `${status}: ${count}`).join(', ');
    log(`paced: ${paced.sent} requests evenly spread (${counts.step} steps, ${counts.observation} observations, ${counts.read} reads), ${paced.errors} errors, by status ${pacedStatuses}`);
    log(`paced: ${((counts.step + counts.observation) / FIXED_RATE_SECONDS).toFixed(0)} commands/s, latency p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, max ${paced.max.toFixed(1)} ms`);

    const [apiProcess, projectorProcess] = running as [ServiceProcess, ServiceProcess];
    const cpu = await cpuMeter(cluster.url, { api: [apiProcess.pid], projector: [projectorProcess.pid] });
    const saturated = await autocannon({ url: api.url, connections: 16, duration: SATURATION_SECONDS, requests: [{ setupRequest: forAutocannon(nextRequest(false)) }] });
    const commandsPerSec = saturated.requests.total / SATURATION_SECONDS;
    log(`saturation: ${commandsPerSec.toFixed(0)} commands/s, ${saturated.non2xx} non-2xx (${statuses(saturated)}), p99 ${saturated.latency.p99} ms`);
    const spent = await cpu.perOperation(saturated.requests.total);
    if (spent) log(`CPU per command: ${cpuText(spent)}`);

    const storeAppendPerSec = await rawAppendRate(cluster.url);
    log(`event store: ${storeAppendPerSec.toFixed(0)} single-event appends/s with ${STORE_CALLERS} callers`);
    const ratio = commandsPerSec / storeAppendPerSec;
    log(`ratio (saturated commands/s ÷ store appends/s): ${ratio.toFixed(2)}`);
    const floor = await bareAppendRate(cluster.url, projectorProcess.pid);
    log(`floor: a bare express route appending the same event: ${floor.perSec.toFixed(0)} requests/s, ${(floor.perSec / storeAppendPerSec).toFixed(2)} of the store's appends; CPU per request: ${floor.cpu}`);
    log(JSON.stringify({ commandsPerSec: Math.round(commandsPerSec), p99Ms: Number(paced.p99.toFixed(1)), storeAppendPerSec: Math.round(storeAppendPerSec), ratio: Number(ratio.toFixed(2)) }));
  } finally {
    for (const service of running.reverse()) await service.stop();
    await cluster.stop();
  }
}

/** `api 0.70 ms, projector 0.37 ms, …`: each process's CPU time per request. */
function cpuText(spent: Record<string, number>): string {
  return Object.entries(spent).map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`).join(', ');
}

/** `200: 5300, 422: 2`: what the service answered, so a refusal is told apart from a failure. */
function statuses(result: autocannon.Result): string {
  return Object.entries(result.statusCodeStats ?? {}).map(([status, { count = 0 }]) => `${status}: ${count}`).join(', ');
}

async function post(base: string, path: string, bearer: string | undefined, body: object): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer) headers.authorization = bearer;
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A patient admitted at the unit, on sertraline, with step 1 of a tapering plan started. */
async function prepareCourse(base: string, bearer: string, index: number) {
  const { patientId } = await post(base, '/patients', bearer, { unitId: UNIT, identity: { givenName: 'Bench', familyName: `Pasient${index}`, nationalIdentityNumber: makeNationalIdentityNumber('1980-01-01', { index }) } }) as { patientId: string };
  const path = `/units/${UNIT}/patients/${patientId}/course`;
  await post(base, `${path}/admit-patient`, bearer, { setting: 'outpatient', legalStatus: 'voluntary' });
  await post(base, `${path}/record-medication-in-use`, bearer, { atc: 'N06AB06', dose: 50, unit: 'mg', frequency: { kind: 'daily', timesPerDay: 1 }, formulation: 'tablet', rounding: { strengths: [25, 50] } });
  const medicationId = await firstId(base, bearer, path, 'medications', 'medication_id');
  const today = new Date().toISOString().slice(0, 10);
  await post(base, `${path}/create-tapering-plan`, bearer, { medicationId, agreedWithPatient: true, schedule: { kind: 'hyperbolic', startDate: today, intervalDays: 14, percent: 25 } });
  const planId = await firstId(base, bearer, path, 'tapering', 'plan_id');
  await post(base, `${path}/start-tapering-step`, bearer, { planId, stepIndex: 1 });
  return { path, planId };
}

/** Reads a course until the projector has the row (it follows the store asynchronously). */
async function firstId(base: string, bearer: string, path: string, list: string, field: string): Promise<string> {
  for (;;) {
    const response = await fetch(`${base}${path}`, { headers: { authorization: bearer } });
    const body = await response.json() as Record<string, Record<string, unknown>[] | undefined>;
    const id = body[list]?.[0]?.[field];
    if (typeof id === 'string') return id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function rawAppendRate(url: string): Promise<number> {
  const store = createPostgresEventStore({ connectionString: url });
  let appended = 0;
  const deadline = Date.now() + STORE_MS;
  const started = Date.now();
  await Promise.all(Array.from({ length: STORE_CALLERS }, async () => {
    while (Date.now() < deadline) {
      await store.appendToStream(`bench-${randomUUID()}`, [benchEvent(BENCH_EVENT_DATA)], { expected: 'no_stream' });
      appended += 1;
    }
  }));
  const seconds = (Date.now() - started) / 1000;
  await store.close();
  return appended / seconds;
}

/** Phase 4: the bare route in a process of its own (the projector still following), warmed up, then saturated like the commands. */
async function bareAppendRate(url: string, projectorPid: number): Promise<{ perSec: number; cpu: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const service = await startServiceProcess(join(__dirname, 'bareAppendService.js'), [], { DATABASE_URL: url, PORT: String(port) },
    async () => (await fetch(`${base}/healthz`)).ok);
  try {
    const load = (duration: number) => autocannon({
      url: `${base}/append`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_EVENT_DATA), connections: 16, duration,
    });
    await load(2);
    const cpu = await cpuMeter(url, { 'bare route': [service.pid], projector: [projectorPid] });
    const result = await load(SATURATION_SECONDS);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`bare route: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const spent = await cpu.perOperation(result.requests.total);
    return {
      perSec: result.requests.total / SATURATION_SECONDS,
      cpu: spent ? cpuText(spent) : 'not measured here',
    };
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
