import { randomUUID } from 'node:crypto';
import type { EventData } from '@medfri/event-store';

/** The body of the benchmark's raw and bare appends: a small data object, as an observation's. */
export const BENCH_EVENT_DATA = { mood: 3, text: 'Sov bedre i natt' };

/** The event the raw and bare appends write: `data`, with metadata shaped like a command's event. */
export function benchEvent(data: object): EventData {
  return {
    id: randomUUID(),
    type: 'BenchEvent',
    data,
    metadata: { occurredAt: new Date().toISOString(), actor: { id: 'bench', role: 'clinician' }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}
