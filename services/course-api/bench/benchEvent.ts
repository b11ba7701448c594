import { randomUUID } from 'node:crypto';

/** The body of the benchmark's raw and bare appends: a small data object, as an observation's. */
export const BENCH_EVENT_DATA = { mood: 3, text: 'Sov bedre i natt' };

/** Metadata shaped like a command's event. */
export function benchEventMetadata() {
  return { occurredAt: new Date().toISOString(), actor: { id: 'bench', role: 'clinician' as const }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 };
}
