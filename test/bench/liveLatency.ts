import { dirname, join } from 'node:path';
import { freePort } from '@medfri/embedded-postgres';
import { makeNationalIdentityNumber } from '@medfri/course-api';
import { startServiceProcess, type ServiceProcess } from '@medfri/test-kit/serviceProcess';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '@medfri/timeline-gateway';
import { io, type Socket } from 'socket.io-client';
import { postJson } from './postJson.js';

export interface Latency {
  commands: number;
  /** Commands not sent because the patient's previous one was still in flight. */
  skipped: number;
  p50: number;
  p99: number;
  max: number;
  commandP99: number;
}

const UNIT = 'unn-asgard';
const PATIENTS = 50;
const COMMANDS_PER_SEC = 200;
const SECONDS = 10;
const JOIN_RETRY_MS = 50;

interface Watched {
  path: string;
  /** Entries the socket has received live for this patient, by arrival time. */
  arrivals: number[];
  /** Entries the commands sent so far produce, in total. */
  expected: number;
  waiters: Map<number, (at: number) => void>;
  busy: boolean;
}

/**
 * Course API, projector and timeline gateway, each in a process of its own; one
 * socket.io client, a clinician of the unit, joined to every patient's timeline. HTTP
 * commands at a fixed rate, one in flight per patient, so the n-th live entry of a patient
 * answers its n-th command; latency runs from the HTTP response to the entry's arrival
 * (zero when the entry came first).
 */
export async function liveLatency(databaseUrl: string): Promise<Latency> {
  const [apiPort, gatewayPort, projectorPort] = [await freePort(), await freePort(), await freePort()];
  const api = { url: `http://127.0.0.1:${apiPort}` };
  const gateway = { url: `http://127.0.0.1:${gatewayPort}` };
  const isReady = (url: string) => async () => (await fetch(url)).ok;
  const entry = (packageName: string, file: string) => join(dirname(require.resolve(packageName)), file);
  const running: ServiceProcess[] = [];
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  try {
    running.push(await startServiceProcess(entry('@medfri/course-api', 'main.js'), [], {
      MEDFRI_MODE: 'development', DATABASE_URL: databaseUrl, PORT: String(apiPort), MEDFRI_LOG_LEVEL: 'silent',
      // One clinician sends every command: the per-token limit would otherwise refuse most of them.
      MEDFRI_RATE_LIMIT_PER_MINUTE: '100000000',
    }, isReady(`${api.url}/readyz`)));
    running.push(await startServiceProcess(entry('@medfri/projector', 'cli.js'), ['run'], {
      DATABASE_URL: databaseUrl, MEDFRI_PROJECTOR_PORT: String(projectorPort), MEDFRI_LOG_LEVEL: 'silent',
    }, isReady(`http://127.0.0.1:${projectorPort}/healthz`)));
    running.push(await startServiceProcess(entry('@medfri/timeline-gateway', 'main.js'), [], {
      MEDFRI_MODE: 'development', DATABASE_URL: databaseUrl, MEDFRI_TIMELINE_PORT: String(gatewayPort),
      MEDFRI_DEV_ISSUER_URL: `${api.url}/dev`, MEDFRI_LOG_LEVEL: 'silent',
    }, isReady(`${gateway.url}/healthz`)));
    const { access_token: token } = await postJson(api.url, '/dev/token', undefined, { user: 'clinician-asgard' }) as { access_token: string };
    const watched = new Map<string, Watched>();
    for (let index = 0; index < PATIENTS; index += 1) {
      const { patientId } = await postJson(api.url, '/patients', token, {
        unitId: UNIT, identity: { givenName: 'Bench', familyName: `Tidslinje${index}`, nationalIdentityNumber: makeNationalIdentityNumber('1980-01-01', { index }) },
      }) as { patientId: string };
      const path = `/units/${UNIT}/patients/${patientId}/course`;
      await postJson(api.url, `${path}/admit-patient`, token, { setting: 'outpatient', legalStatus: 'voluntary' });
      watched.set(patientId, { path, arrivals: [], expected: 0, waiters: new Map(), busy: false });
    }

    socket = await connect(gateway.url, token);
    const live = new Set<string>();
    socket.on('entries', ({ entries }) => {
      const at = performance.now();
      for (const entry of entries) {
        const patient = watched.get(entry.patientId);
        if (!patient || !live.has(entry.patientId)) continue;
        patient.arrivals.push(at);
        patient.waiters.get(patient.arrivals.length)?.(at);
      }
    });
    for (const patientId of watched.keys()) {
      await joinWhenKnown(socket, patientId);
      live.add(patientId);
    }

    const latencies: number[] = [];
    const commandMs: number[] = [];
    const pending: Promise<void>[] = [];
    let skipped = 0;
    let turn = 0;
    const patients = [...watched.values()];
    const send = async (patient: Watched, index: number): Promise<void> => {
      patient.busy = true;
      const body = index % 2 === 0
        ? { action: 'record-patient-experience', json: { mood: index % 11 } }
        : { action: 'record-withdrawal-symptoms', json: { rater: 'clinician', symptoms: [{ symptom: 'insomnia', severity: index % 4 }] } };
      const sent = performance.now();
      const { recorded } = await postJson(api.url, `${patient.path}/${body.action}`, token, body.json) as { recorded: number };
      const answered = performance.now();
      commandMs.push(answered - sent);
      patient.expected += recorded;
      const arrived = patient.arrivals[patient.expected - 1]
        ?? await new Promise<number>((resolve) => patient.waiters.set(patient.expected, resolve));
      latencies.push(Math.max(0, arrived - answered));
      patient.busy = false;
    };
    const started = performance.now();
    const total = COMMANDS_PER_SEC * SECONDS;
    for (let index = 0; index < total; index += 1) {
      // Paced against the clock, not by sleeping a fixed step: timers drift under load.
      const due = started + (index * 1000) / COMMANDS_PER_SEC;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // The next patient whose previous entry has arrived; skipped only if all are waiting.
      let patient: Watched | undefined;
      for (let tried = 0; tried < patients.length && !patient; tried += 1) {
        const candidate = patients[turn++ % patients.length] as Watched;
        if (!candidate.busy) patient = candidate;
      }
      if (patient) pending.push(send(patient, index));
      else skipped += 1;
    }
    await Promise.all(pending);
    return {
      commands: latencies.length, skipped,
      p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: percentile(latencies, 1), commandP99: percentile(commandMs, 0.99),
    };
  } finally {
    socket?.close();
    for (const service of running.reverse()) await service.stop();
  }
}

function connect(url: string, token: string): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { token }, transports: ['websocket'] });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Joins once the projector has recorded the patient at the unit (until then the join is forbidden). */
async function joinWhenKnown(socket: Socket<ServerToClientEvents, ClientToServerEvents>, patientId: string): Promise<void> {
  for (;;) {
    const ack = await new Promise<JoinAck>((resolve) => socket.emit('join', { patientId }, resolve));
    if (ack.ok) return;
    if (ack.error.code !== 'forbidden') throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
  }
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
