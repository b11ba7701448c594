import type { RecordedEvent } from '@medfri/event-store';

const IDLE = Symbol('idle');
const ABORTED = Symbol('aborted');

type Pulled = IteratorResult<readonly RecordedEvent[]>;

/**
 * Batch sizes: `min` at the head; a batch that fills up lets the next one be twice as
 * large, up to `max`, so catching up takes few large transactions. A batch smaller than
 * `min` (the head is near) starts over at `min`; one cut short by a page boundary does not.
 */
export interface BatchSizes {
  min: number;
  max: number;
}

/**
 * Groups chunks of events into batches of the events already at hand, without waiting
 * for more: whole pages per transaction while catching up, one event at a time with no
 * added latency at the head. Ends when the source ends or the signal aborts; stopping
 * the source stays with its owner.
 */
export async function* eventBatches(
  source: AsyncIterable<readonly RecordedEvent[]>,
  sizes: BatchSizes,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent[]> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    signal.addEventListener('abort', () => resolve(ABORTED), { once: true });
  });
  let pending = pull(iterator);
  let rest: readonly RecordedEvent[] = [];
  let maxSize = sizes.min;
  while (!signal.aborted) {
    if (rest.length === 0) {
      const first = await Promise.race([pending, aborted]);
      if (first === ABORTED || first.done) return;
      rest = first.value;
      pending = pull(iterator);
      continue;
    }
    const batch = rest.slice(0, maxSize);
    rest = rest.slice(maxSize);
    // One turn of the event loop for the whole batch: what resolves before it was at hand.
    const turn = nextTurn();
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, turn]);
      if (next === IDLE || next.done) break;
      pending = pull(iterator);
      const room = maxSize - batch.length;
      batch.push(...next.value.slice(0, room));
      rest = next.value.slice(room);
    }
    if (batch.length === maxSize) maxSize = Math.min(sizes.max, maxSize * 2);
    else if (batch.length < sizes.min) maxSize = sizes.min;
    yield batch;
  }
}

function pull(iterator: AsyncIterator<readonly RecordedEvent[]>): Promise<Pulled> {
  const next = iterator.next();
  // The pull may fail while a batch is being applied; it is awaited (and thrown) later.
  next.catch(() => undefined);
  return next;
}

/** Resolves after everything already resolved has run: what is buffered wins the race. */
function nextTurn(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
