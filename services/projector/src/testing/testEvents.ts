import { randomUUID } from 'node:crypto';
import type { EventData, EventStore } from '@medfri/event-store';

const CATEGORIES = ['referral', 'course', 'patient'] as const;
const TYPES = ['Opened', 'Noted', 'Closed'] as const;

function testEvent(type: string): EventData {
  return {
    id: randomUUID(),
    type,
    data: { occurredAt: '2025-01-01T00:00:00.000Z' },
    metadata: { occurredAt: '2025-01-01T00:00:00.000Z', actor: { id: 'test', role: 'system' }, correlationId: randomUUID(), schemaVersion: 1 },
  };
}

/**
 * Appends `count` events over a few streams of each category, `perAppend` at a time,
 * and returns how many of each category and type it wrote.
 */
export async function appendTestEvents(store: EventStore, count: number, perAppend = 50): Promise<Map<string, number>> {
  const written = new Map<string, number>();
  for (let done = 0; done < count; done += perAppend) {
    const size = Math.min(perAppend, count - done);
    const category = CATEGORIES[(done / perAppend) % CATEGORIES.length] as string;
    const events = Array.from({ length: size }, (_, i) => testEvent(TYPES[(done + i) % TYPES.length] as string));
    await store.appendToStream(`${category}-${done % 7}`, events);
    for (const event of events) written.set(`${category}/${event.type}`, (written.get(`${category}/${event.type}`) ?? 0) + 1);
  }
  return written;
}
