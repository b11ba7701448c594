import type { RecordedEvent } from '@medfri/event-store';

const IDLE = Symbol('idle');
const ABORTED = Symbol('aborted');

type Pulled = IteratorResult<RecordedEvent>;

/**
 * Groups a subscription into batches of the events already at hand, up to `maxSize`,
 * without waiting for more: a whole page per transaction while catching up, one event
 * at a time with no added latency at the head. Ends when the source ends or the signal
 * aborts; stopping the source stays with its owner.
 */
export async function* eventBatches(
  source: AsyncIterable<RecordedEvent>,
  maxSize: number,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent[]> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    signal.addEventListener('abort', () => resolve(ABORTED), { once: true });
  });
  let pending = pull(iterator);
  while (!signal.aborted) {
    const first = await Promise.race([pending, aborted]);
    if (first === ABORTED || first.done) return;
    const batch = [first.value];
    pending = pull(iterator);
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, nextTurn()]);
      if (next === IDLE || next.done) break;
      batch.push(next.value);
      pending = pull(iterator);
    }
    yield batch;
  }
}

function pull(iterator: AsyncIterator<RecordedEvent>): Promise<Pulled> {
  const next = iterator.next();
  // The pull may fail while a batch is being applied; it is awaited (and thrown) later.
  next.catch(() => undefined);
  return next;
}

/** Resolves after everything already resolved has run: what is buffered wins the race. */
function nextTurn(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
