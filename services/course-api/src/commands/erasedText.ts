import type { VersionedEvent } from '../routes/commandRoute.js';

/**
 * What a deciders sees in place of free text whose patient was erased. The vault opens
 * such a field as `{ erased: true }`, which no event schema accepts; deciders never
 * look inside free text, so any string keeps the history foldable after an erasure.
 */
export const ERASED_TEXT = '[erased]';

const isErased = (value: unknown) => typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;

export function withErasedTextMarked(history: readonly VersionedEvent[]): VersionedEvent[] {
  return history.map((event) => {
    if (typeof event.data !== 'object' || event.data === null) return event;
    const data = Object.fromEntries(Object.entries(event.data).map(([field, value]) => [field, isErased(value) ? ERASED_TEXT : value]));
    return { ...event, data };
  });
}
