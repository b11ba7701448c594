import type { RecordedEvent } from '@medfri/event-store';

/**
 * The events after `position` (at-least-once delivery: anything at or before a checkpoint
 * is already applied). Events are in position order, so when the first is after it, all
 * are: the very array is returned rather than a copy.
 */
export function eventsAfter(events: readonly RecordedEvent[], position: number): readonly RecordedEvent[] {
  return (events[0]?.position ?? Infinity) > position ? events : events.filter((event) => event.position > position);
}
