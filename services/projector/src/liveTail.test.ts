import { createInMemoryEventStore, type EventStore, type SubscribeToAllOptions } from '@medfri/event-store';
import { BEHIND, LiveTail, STOPPED } from './liveTail.js';
import { appendTestEvents } from './testing/testEvents.js';

/** The in-memory store, counting the live subscriptions opened on it. */
function countingStore(): { store: EventStore; subscriptions: () => number } {
  const store = createInMemoryEventStore();
  let opened = 0;
  return {
    store: { ...store, subscribeToAll: (options?: SubscribeToAllOptions) => {
      opened += 1;
      return store.subscribeToAll(options);
    } },
    subscriptions: () => opened,
  };
}

const never = new AbortController().signal;

describe('LiveTail', () => {
  it('hands every reader the events after its position from one subscription', async () => {
    const { store, subscriptions } = countingStore();
    await appendTestEvents(store, 5, 5);
    const tail = new LiveTail(store, 2, 100);
    const first = tail.join(2);
    const second = tail.join(4);
    const forFirst = await tail.next(first, 2, never);
    const forSecond = await tail.next(second, 4, never);
    expect(forFirst !== STOPPED && forFirst !== BEHIND && forFirst.map((event) => event.position)).toEqual([3, 4, 5]);
    expect(forSecond !== STOPPED && forSecond !== BEHIND && forSecond.map((event) => event.position)).toEqual([5]);

    const waiting = tail.next(second, 5, never);
    await appendTestEvents(store, 2, 2);
    const arrived = await waiting;
    expect(arrived !== STOPPED && arrived !== BEHIND && arrived.map((event) => event.position)).toEqual([6, 7]);
    expect(subscriptions()).toBe(1);
    await tail.leave(first);
    await tail.leave(second);
    await store.close();
  });

  it('tells a reader from before its start that it is behind', async () => {
    const { store } = countingStore();
    await appendTestEvents(store, 5, 5);
    const tail = new LiveTail(store, 3, 100);
    const reader = tail.join(1);
    await expect(tail.next(reader, 1, never)).resolves.toBe(BEHIND);
    await tail.leave(reader);
    await store.close();
  });

  it('answers STOPPED once the reader stops, and takes no readers after the last one left', async () => {
    const { store } = countingStore();
    const tail = new LiveTail(store, 0, 100);
    const reader = tail.join(0);
    const stopping = new AbortController();
    const waiting = tail.next(reader, 0, stopping.signal);
    stopping.abort();
    await expect(waiting).resolves.toBe(STOPPED);
    expect(tail.usable).toBe(true);
    await tail.leave(reader);
    expect(tail.usable).toBe(false);
    await store.close();
  });
});
