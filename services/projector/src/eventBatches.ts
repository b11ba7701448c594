import type { RecordedEvent } from '@medfri/event-store';
import { ABORTED, untilAborted } from './untilAborted.js';

const IDLE = Symbol('idle');

type Pulled = IteratorResult<readonly RecordedEvent[]>;

/**
 * Batch sizes: `min` at the head; a batch that fills up lets the next one be twice as
 * large, up to `max`, so catching up takes few large transactions. A batch smaller than
 * `min` (the head is near) starts over at `min`; one cut short by a page boundary does not.
 * `lingerMs`: how long a batch that is not full waits for more events (0: only for what
 * is already at hand).
 */
export interface BatchSizes {
  min: number;
  max: number;
  lingerMs?: number;
}

/**
 * Groups chunks of events into batches: whole pages per transaction while catching up;
 * at the head, what arrives within the linger. A few milliseconds of linger turn a busy
 * stream of single events into a few transactions of several events each, where every
 * transaction costs each projection several round trips. A full page (a chunk of `max`
 * events, read while catching up) is a batch as it is, the very array the followers
 * share: what they derive from it is then derived once (see toDomainRecords). Batches are
 * never changed. Ends when the source ends or the signal aborts; stopping the source
 * stays with its owner.
 */
export async function* eventBatches(
  source: AsyncIterable<readonly RecordedEvent[]>,
  sizes: BatchSizes,
  signal: AbortSignal,
): AsyncGenerator<readonly RecordedEvent[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = pull(iterator);
  let rest: readonly RecordedEvent[] = [];
  let maxSize = sizes.min;
  while (!signal.aborted) {
    if (rest.length === 0) {
      const first = await untilAborted(pending, signal);
      if (first === ABORTED || first.done) return;
      rest = first.value;
      pending = pull(iterator);
      continue;
    }
    if (rest.length >= sizes.max) maxSize = sizes.max;
    let batch: readonly RecordedEvent[];
    if (rest.length === maxSize) {
      batch = rest;
      rest = [];
    } else {
      const filling = rest.slice(0, maxSize);
      rest = rest.slice(maxSize);
      // One linger (or one turn of the event loop) for the whole batch.
      const turn = filling.length < maxSize ? linger(sizes.lingerMs ?? 0) : undefined;
      while (turn && filling.length < maxSize) {
        const next = await Promise.race([pending, turn.idle]);
        if (next === IDLE || next.done) break;
        pending = pull(iterator);
        const room = maxSize - filling.length;
        filling.push(...next.value.slice(0, room));
        rest = next.value.slice(room);
      }
      turn?.cancel();
      batch = filling;
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

/**
 * Resolves after `ms`, or with 0 after everything already resolved has run: what is
 * buffered (or arrives in time) wins the race.
 */
function linger(ms: number): { idle: Promise<typeof IDLE>; cancel(): void } {
  // The executor runs at once, so `cancel` is set before it is returned.
  let cancel!: () => void;
  const idle = new Promise<typeof IDLE>((resolve) => {
    if (ms === 0) {
      const immediate = setImmediate(resolve, IDLE);
      cancel = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(resolve, ms, IDLE);
      cancel = () => clearTimeout(timer);
    }
  });
  return { idle, cancel };
}
