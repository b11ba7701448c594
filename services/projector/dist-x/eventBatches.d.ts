import type { RecordedEvent } from '@medfri/event-store';
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
 * transaction costs each projection several round trips. Ends when the source ends or
 * the signal aborts; stopping the source stays with its owner.
 */
export declare function eventBatches(source: AsyncIterable<readonly RecordedEvent[]>, sizes: BatchSizes, signal: AbortSignal): AsyncGenerator<RecordedEvent[]>;
//# sourceMappingURL=eventBatches.d.ts.map