import type { RecordedEvent } from '@medfri/event-store';
import { eventBatches } from './eventBatches.js';

function event(position: number): RecordedEvent {
  return {
    id: `id-${position}`, stream: 'test-1', type: 'Tested', revision: position - 1, position, data: {},
    metadata: { occurredAt: '', recordedAt: '', actor: { id: 'a', role: 'system' }, correlationId: 'c', causationId: null, schemaVersion: 1 },
  };
}

/** A source that yields each page once the test hands it over, as a store delivers pages. */
function pagedSource() {
  const pages: Array<(positions: number[]) => void> = [];
  const handed: Array<Promise<number[]>> = [];
  const nextPage = () => handed.push(new Promise((resolve) => pages.push(resolve)));
  nextPage();
  return {
    hand(positions: number[]) {
      nextPage();
      pages.shift()?.(positions);
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        yield (await (handed[0] as Promise<number[]>)).map(event);
        handed.shift();
      }
    },
  };
}

test('batches what is at hand, up to the maximum, without waiting for more', async () => {
  const stop = new AbortController();
  const events = pagedSource();
  const batches = eventBatches(events, { min: 3, max: 3 }, stop.signal);
  const positions = async () => ((await batches.next()).value as RecordedEvent[]).map((e) => e.position);
  events.hand([1, 2, 3, 4, 5]);
  expect(await positions()).toEqual([1, 2, 3]);
  expect(await positions()).toEqual([4, 5]);
  const waiting = positions();
  events.hand([6, 7]);
  expect(await waiting).toEqual([6, 7]);
  stop.abort();
  expect((await batches.next()).done).toBe(true);
});

test('a full batch lets the next be twice as large, up to the maximum; one below the minimum starts over', async () => {
  const stop = new AbortController();
  const events = pagedSource();
  const batches = eventBatches(events, { min: 2, max: 6 }, stop.signal);
  const size = async () => ((await batches.next()).value as RecordedEvent[]).length;
  const positions = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);
  events.hand(positions(1, 5));
  // Cut short by the end of the page, but not below the minimum: the next may still be 4.
  expect([await size(), await size()]).toEqual([2, 3]);
  let next = size();
  events.hand(positions(6, 5));
  expect([await next, await size()]).toEqual([4, 1]);
  next = size();
  events.hand(positions(11, 3));
  expect([await next, await size()]).toEqual([2, 1]);
  stop.abort();
});

test('a full page is a batch as it is, whatever the batch before: the very array the source gave', async () => {
  const stop = new AbortController();
  const page = [1, 2, 3, 4].map(event);
  const source = {
    async *[Symbol.asyncIterator]() {
      yield [event(0)];
      yield page;
    },
  };
  const batches = eventBatches(source, { min: 1, max: 4 }, stop.signal);
  expect(((await batches.next()).value as RecordedEvent[]).map((e) => e.position)).toEqual([0]);
  expect((await batches.next()).value).toBe(page);
  stop.abort();
});

test('ends when the signal aborts while waiting for events', async () => {
  const stop = new AbortController();
  const batches = eventBatches(pagedSource(), { min: 10, max: 10 }, stop.signal);
  const next = batches.next();
  stop.abort();
  expect((await next).done).toBe(true);
});

test('a failing source fails the batches', async () => {
  const failing = {
    // eslint-disable-next-line require-yield
    async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent[]> {
      throw new Error('store unavailable');
    },
  };
  await expect(eventBatches(failing, { min: 10, max: 10 }, new AbortController().signal).next()).rejects.toThrow('store unavailable');
});

test('with a linger, a batch at the head takes in what arrives within it', async () => {
  const stop = new AbortController();
  const events = pagedSource();
  const batches = eventBatches(events, { min: 10, max: 10, lingerMs: 200 }, stop.signal);
  const next = batches.next();
  events.hand([1]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  events.hand([2, 3]);
  expect(((await next).value as RecordedEvent[]).map((e) => e.position)).toEqual([1, 2, 3]);
  stop.abort();
  expect((await batches.next()).done).toBe(true);
});
