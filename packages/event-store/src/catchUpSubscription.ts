import type { RecordedEvent, Subscription } from './port.js';

/** What an adapter provides for a catch-up subscription; the paging and stopping live here, once. */
export interface SubscriptionSource {
  /** Up to `limit` events with a position greater than `after`, in position order. */
  readPage(after: number, limit: number): Promise<RecordedEvent[]>;
  /**
   * Resolves when events after `after` may have become readable, or as soon as `signal`
   * aborts. May resolve spuriously; the subscription simply reads again.
   */
  waitForEventsAfter(after: number, signal: AbortSignal): Promise<void>;
}

/**
 * A pull-based catch-up subscription: a page is read only when the consumer asks for the
 * next event and the previous page is used up, so at most one page is held for a slow
 * consumer. When a read finds nothing, it waits for the source's signal and reads again.
 */
export function createCatchUpSubscription(
  source: SubscriptionSource,
  options: { after: number; pageSize: number },
  onStopped: () => void | Promise<void>,
): Subscription {
  let checkpoint = options.after;
  let page: RecordedEvent[] = [];
  let index = 0;
  let stopped = false;
  let iterated = false;
  const abort = new AbortController();
  // next() calls are served one at a time, in order, even if a caller does not await them.
  let queue: Promise<unknown> = Promise.resolve();

  const pull = async (): Promise<IteratorResult<RecordedEvent>> => {
    while (!stopped) {
      const event = page[index];
      if (event) {
        index += 1;
        return { done: false, value: event };
      }
      const next = await source.readPage(checkpoint, options.pageSize);
      if (stopped) break;
      const last = next[next.length - 1];
      if (last) {
        page = next;
        index = 0;
        checkpoint = last.position;
        continue;
      }
      await source.waitForEventsAfter(checkpoint, abort.signal);
    }
    return { done: true, value: undefined };
  };

  const next = (): Promise<IteratorResult<RecordedEvent>> => {
    const result = queue.then(pull);
    queue = result.catch(() => undefined);
    return result;
  };

  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      abort.abort();
      page = [];
      // Let a read in flight finish, so nothing uses the store's connections after stop() resolves.
      await queue;
      await onStopped();
    }
    await queue;
  };

  return {
    stop,
    [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
      if (iterated) throw new Error('A subscription can be iterated only once');
      iterated = true;
      return {
        next,
        return: async () => {
          await stop();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
