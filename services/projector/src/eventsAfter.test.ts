import type { RecordedEvent } from '@medfri/event-store';
import { eventsAfter } from './eventsAfter.js';

const page = [4, 5, 6].map((position) => ({ position }) as RecordedEvent);

test('a page wholly after the position is handed on as it is', () => {
  expect(eventsAfter(page, 3)).toBe(page);
});

test('events at or before the position are left out', () => {
  expect(eventsAfter(page, 4).map((event) => event.position)).toEqual([5, 6]);
  expect(eventsAfter(page, 6)).toEqual([]);
  expect(eventsAfter([], 6)).toEqual([]);
});
