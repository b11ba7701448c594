import { createInMemoryEventStore, type EventData, type EventStore } from '@medfri/event-store';
import { runDomainWorkload } from '@medfri/projector/dist/testing/domainWorkload.js';

export interface Filled {
  /** Events the deciders produced once; every copy repeats them. */
  template: number;
  decideMs: number;
  copies: number;
  appended: number;
  streams: number;
  ms: number;
}

const TEMPLATE_EVENTS = 20_000;
const APPEND_CALLERS = 16;
// The first group of every UUID (8 hex digits): replacing it keeps the version and variant
// digits, so copied ids stay valid for the parsers, and keeps every reference consistent.
const UUID_HEAD = /\b[0-9a-f]{8}(?=-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)/gi;

/**
 * Fills `store` with at least `events` real domain events, quickly: a clinic's workload is
 * decided once through the domain's deciders (in memory), then appended as many times as
 * needed, each copy with its own patients, streams and event ids, one append per stream.
 */
export async function fillStore(store: EventStore, events: number): Promise<Filled> {
  const started = performance.now();
  const memory = createInMemoryEventStore();
  await runDomainWorkload(memory, { events: TEMPLATE_EVENTS, seed: 20_260_101 });
  const recorded = await memory.readAll({ after: 0, maxCount: Number.MAX_SAFE_INTEGER });
  await memory.close();
  const streams = new Map<string, EventData[]>();
  for (const event of recorded) {
    const { recordedAt: _recordedAt, ...metadata } = event.metadata;
    const list = streams.get(event.stream) ?? [];
    list.push({ id: event.id, type: event.type, data: event.data, metadata });
    streams.set(event.stream, list);
  }
  const decideMs = performance.now() - started;
  const template = [...streams].map(([stream, list]) => JSON.stringify({ stream, events: list }));
  const copies = Math.ceil(events / recorded.length);
  const jobs = Array.from({ length: copies }, (_, copy) => copy).flatMap((copy) => template.map((json) => ({ copy, json })));

  let next = 0;
  await Promise.all(Array.from({ length: APPEND_CALLERS }, async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const head = job.copy.toString(16).padStart(8, '0');
      const copied = JSON.parse(job.json.replace(UUID_HEAD, head)) as { stream: string; events: EventData[] };
      await store.appendToStream(copied.stream, copied.events, { expected: 'no_stream' });
    }
  }));
  return { template: recorded.length, decideMs, copies, appended: copies * recorded.length, streams: jobs.length, ms: performance.now() - started };
}
