import type { EventStore, RecordedEvent, Subscription } from '@medfri/event-store';
import { ABORTED, untilAborted } from './untilAborted.js';
import { withResolvers } from './withResolvers.js';

/**
 * Events kept for readers at the head: trimmed once twice as many are held, to those a
 * reader has not passed and at most this many; a reader that falls further behind reads
 * pages again.
 */
const KEEP = 10_000;

export const BEHIND = Symbol('behind');
export const STOPPED = Symbol('stopped');

/** Where a reader of the tail is: everything up to `position` handed on. */
export interface TailReader {
  position: number;
}

/**
 * The one live subscription of a process, shared by its followers at the head: each new
 * event is read from the store once, not once per projection, and handed on to every
 * reader in chunks of what arrived since it last asked. It keeps the recent events until
 * every reader has passed them (and at most about KEEP more); a reader asking for events
 * from before what it keeps is told it is BEHIND and reads pages until it is back.
 */
export class LiveTail {
  private events: RecordedEvent[] = [];
  /** Every event after this position is in `events`. */
  private from: number;
  private readonly readers = new Set<TailReader>();
  private readonly subscription: Subscription;
  private arrived = withResolvers();
  private wakeScheduled = false;
  private failure: unknown;
  private ended = false;
  private stopping: Promise<void> | undefined;

  constructor(store: EventStore, after: number, pageSize: number) {
    this.from = after;
    this.subscription = store.subscribeToAll({ after, pageSize });
    void this.pump();
  }

  /** A tail whose last reader left, or whose subscription failed, takes no new readers. */
  get usable(): boolean {
    return !this.stopping && !this.ended;
  }

  join(position: number): TailReader {
    const reader = { position };
    this.readers.add(reader);
    return reader;
  }

  /** The last reader to leave stops the subscription; resolves once it has stopped. */
  leave(reader: TailReader): Promise<void> {
    this.readers.delete(reader);
    if (this.readers.size === 0) this.stopping ??= this.subscription.stop();
    return this.stopping ?? Promise.resolve();
  }

  /**
   * The events after `position` (waiting for at least one), BEHIND if they are no longer
   * kept, STOPPED once `stopped` aborts or the subscription ended; throws what made the
   * subscription fail.
   */
  async next(reader: TailReader, position: number, stopped: AbortSignal): Promise<readonly RecordedEvent[] | typeof BEHIND | typeof STOPPED> {
    reader.position = position;
    for (;;) {
      if (stopped.aborted) return STOPPED;
      if (this.failure !== undefined) throw this.failure;
      if (position < this.from) return BEHIND;
      const index = this.firstAfter(position);
      if (index < this.events.length) return this.events.slice(index);
      if (this.ended) return STOPPED;
      if (await untilAborted(this.arrived.promise, stopped) === ABORTED) return STOPPED;
    }
  }

  private async pump(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        this.events.push(event);
        if (this.events.length > 2 * KEEP) this.forgetPassed();
        // A page arrives as a run of events: readers wake once for all of it.
        if (!this.wakeScheduled) {
          this.wakeScheduled = true;
          setImmediate(() => {
            this.wakeScheduled = false;
            this.wake();
          });
        }
      }
    } catch (error) {
      this.failure = error;
    }
    this.ended = true;
    this.wake();
  }

  /** Drops what every reader has passed, and beyond that the oldest until KEEP remain. */
  private forgetPassed(): void {
    const slowest = Math.min(...[...this.readers].map((reader) => reader.position));
    const passed = this.firstAfter(slowest);
    const drop = Math.max(passed, this.events.length - KEEP);
    if (drop === 0) return;
    this.from = this.events[drop - 1]?.position ?? this.from;
    this.events = this.events.slice(drop);
  }

  /** Index of the first kept event after `position` (events are in position order). */
  private firstAfter(position: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.events[middle]?.position ?? 0) > position) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private wake(): void {
    const arrived = this.arrived;
    this.arrived = withResolvers();
    arrived.resolve();
  }
}
