import { randomUUID } from 'node:crypto';
import type { EventData } from '../port.js';

export interface TestEventOverrides {
  type?: string;
  data?: unknown;
  occurredAt?: string;
  actor?: unknown;
  correlationId?: string;
  causationId?: string | null;
  schemaVersion?: number;
  extraMetadata?: Record<string, unknown>;
}

/** A valid event with fresh ids; overrides may make it invalid on purpose. */
export function testEvent(overrides: TestEventOverrides = {}): EventData {
  const metadata: Record<string, unknown> = {
    occurredAt: overrides.occurredAt ?? '2025-03-01T08:30:00.000Z',
    actor: 'actor' in overrides ? overrides.actor : { id: randomUUID(), role: 'clinician' },
    correlationId: overrides.correlationId ?? randomUUID(),
    schemaVersion: overrides.schemaVersion ?? 1,
    ...overrides.extraMetadata,
  };
  if (overrides.causationId !== undefined) metadata.causationId = overrides.causationId;
  return {
    id: randomUUID(),
    type: overrides.type ?? 'ConformanceChecked',
    data: 'data' in overrides ? overrides.data : { n: 1 },
    metadata: metadata as unknown as EventData['metadata'],
  };
}
