import { createInMemoryEventStore, type EventStore, type RecordedEvent } from '@medfri/event-store';
import { SharedCatchUp, type EventChunks } from './sharedCatchUp.js';
import { appendTestEvents } from './testing/testEvents.js';

const PAGE = 4;

/** An in-memory store of `events` events, counting the pages read from it by where they start. */
async function storeOf(events: number): Promise<{ store: EventStore; reads: number[] }> {
  const store = createInMemoryEventStore();
  await appendTestEvents(store, events);
  const reads: number[] = [];
  const readAll: EventStore['readAll'] = (options) => {
    reads.push(options?.after ?? 0);
    return store.readAll(options);
  };
  return { store: { ...store, readAll }, reads };
}

/** Resolves after a few turns of the event loop, time for anything that would read to read. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

async function firstChunk(chunks: EventChunks): Promise<readonly RecordedEvent[]> {
  const next = await chunks[Symbol.asyncIterator]().next();
  if (next.done) throw new Error('no chunk');
  return next.value;
}

test('a reader waits for an expected one, then both get the same pages, read once', async () => {
  const { store, reads } = await storeOf(3 * PAGE + 1);
  const catchUp = new SharedCatchUp(store, PAGE);
  const expected = catchUp.expect();
  const first = catchUp.subscribe(0, PAGE);
  const firstIterator = first[Symbol.asyncIterator]();
  const firstPage = firstIterator.next();
  await settled();
  expect(reads).toEqual([]);

  const second = catchUp.subscribe(0, PAGE, expected);
  const secondIterator = second[Symbol.asyncIterator]();
  for (let page = 0; page < 3; page += 1) {
    const [mine, theirs] = await Promise.all([page === 0 ? firstPage : firstIterator.next(), secondIterator.next()]);
    expect(mine.value).toHaveLength(PAGE);
    expect(mine.value).toBe(theirs.value);
  }
  expect(reads).toEqual([0, PAGE, 2 * PAGE]);
  await Promise.all([first.stop(), second.stop()]);
});

test('an expected reader that will not subscribe after all stops holding the others', async () => {
  const { store, reads } = await storeOf(PAGE);
  const catchUp = new SharedCatchUp(store, PAGE);
  const expected = catchUp.expect();
  const reader = catchUp.subscribe(0, PAGE);
  const page = firstChunk(reader);
  await settled();
  expect(reads).toEqual([]);
  expected.settle();
  expect((await page).map((event) => event.position)).toEqual([1, 2, 3, 4]);
  await reader.stop();
});

test('readers wait for an expected one only so long', async () => {
  const { store } = await storeOf(PAGE);
  const catchUp = new SharedCatchUp(store, PAGE, 50);
  catchUp.expect();
  const reader = catchUp.subscribe(0, PAGE);
  const started = performance.now();
  expect(await firstChunk(reader)).toHaveLength(PAGE);
  expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  await reader.stop();
});
