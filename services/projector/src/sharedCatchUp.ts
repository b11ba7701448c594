import type { EventStore, RecordedEvent } from '@medfri/event-store';
import { eventsAfter } from './eventsAfter.js';
import { BEHIND, LiveTail, STOPPED, type TailReader } from './liveTail.js';
import { ABORTED, untilAborted } from './untilAborted.js';
import { withResolvers } from './withResolvers.js';

/**
 * Events in position order, in the chunks they were read in: handing on a page at a
 * time rather than an event at a time saves several promises per event and follower.
 */
export interface EventChunks extends AsyncIterable<readonly RecordedEvent[]> {
  /** Ends the iteration; resolves once nothing is read for it any more. */
  stop(): Promise<void>;
}

interface Page {
  /** The page holds the events after this position, in order. */
  after: number;
  events: RecordedEvent[];
  /** Position of the last event; `after` when empty. */
  last: number;
  /** A full page: more events may follow at once. */
  full: boolean;
}

interface Entry {
  after: number;
  read: Promise<Page>;
  page?: Page;
}

/** Where a follower is: the position after which it asked for its latest page. */
interface Reader {
  position: number;
}

/**
 * Pages a reader may run ahead of another one and still be waited for by it. A follower
 * further behind (a rebuild from zero next to a live build, one resuming after a
 * failure) neither holds anyone up nor is held up.
 */
const COHORT_PAGES = 4;

/**
 * How long readers wait at most for an expected one (see expect). The projections a
 * process starts take well under a second to lock and set up their builds; a setup stuck
 * longer (a slow database, a lock awaited) then holds the others up only this long.
 */
const EXPECTED_AT_MOST_MS = 5_000;

/** A follower the process is starting, expected to subscribe soon (see SharedCatchUp.expect). */
export interface ExpectedReader {
  /** No one waits for it any more: it has subscribed, or it will not subscribe soon. Idempotent. */
  settle(): void;
}

/**
 * Catch-up reads shared by the followers of one process. Catching up, every projection
 * reads the same events; reading them, and what handlers derive from the very same event
 * objects (parsed records, folded states), once per process rather than once per
 * projection is most of the work saved. A page read from the store stays until every
 * reader has passed it. A reader about to read a new page first waits for readers up to
 * a few pages behind it, so followers that start together stay within a page or two of
 * each other; without that, the cheapest projection would run ahead and read everything
 * alone. At the head (a page that is not full) every follower reads the process's one
 * live tail (see LiveTail), which waits for no one: at the head too, each event is read
 * once per process, and the handlers share its parsed record and folded states.
 */
export class SharedCatchUp {
  private readonly entries = new Map<number, Entry>();
  private readonly readers = new Set<Reader>();
  private readonly expected = new Set<ExpectedReader>();
  private moved = withResolvers();
  private tail: LiveTail | undefined;

  constructor(private readonly store: EventStore, private readonly pageSize: number, private readonly expectedAtMostMs = EXPECTED_AT_MOST_MS) {}

  /**
   * A follower about to subscribe: until it does (or settles otherwise, or for at most a
   * few seconds), no one reads a page from the store. The projections a process starts
   * take their locks and set up their builds, some sooner than others; without this, the first
   * one ready would catch up alone, pages ahead of the others by the time they subscribe,
   * which then read and parse those pages again, while the pages in between stay in memory
   * for them. At a restart, following at the head likewise starts once all have subscribed.
   */
  expect(): ExpectedReader {
    const expected: ExpectedReader = {
      settle: () => {
        clearTimeout(timeout);
        if (this.expected.delete(expected)) this.move();
      },
    };
    const timeout = setTimeout(expected.settle, this.expectedAtMostMs);
    timeout.unref();
    this.expected.add(expected);
    return expected;
  }

  /**
   * Events after `after`: pages shared while catching up, then the process's live tail
   * (pages of `livePageSize`). The reader counts for the others at once (pages after its
   * position are kept for it) until the subscription is stopped, which its owner must do;
   * `expected` (this follower, as expected) settles.
   */
  subscribe(after: number, livePageSize: number, expected?: ExpectedReader): EventChunks {
    const reader: Reader = { position: after };
    this.readers.add(reader);
    expected?.settle();
    const stopping = new AbortController();
    let live: { tail: LiveTail; reader: TailReader } | undefined;
    const leavePages = () => {
      if (this.readers.delete(reader)) this.move();
    };
    const leaveTail = async () => {
      const left = live;
      live = undefined;
      await left?.tail.leave(left.reader);
    };
    const chunks = async function* (this: SharedCatchUp): AsyncGenerator<readonly RecordedEvent[]> {
      let position = after;
      try {
        while (!stopping.signal.aborted) {
          this.readers.add(reader);
          for (;;) {
            const page = await this.pageAfter(reader, position, stopping.signal);
            if (!page || stopping.signal.aborted) return;
            const fresh = eventsAfter(page.events, position);
            if (fresh.length > 0) yield fresh;
            if (stopping.signal.aborted) return;
            position = page.last > position ? page.last : position;
            if (!page.full) break;
          }
          // At the head: no longer holding pages for the cohort, reading the shared tail.
          leavePages();
          if (stopping.signal.aborted) return;
          const tail = this.tailFrom(position, livePageSize);
          const tailReader = tail.join(position);
          live = { tail, reader: tailReader };
          for (;;) {
            const chunk = await tail.next(tailReader, position, stopping.signal);
            if (chunk === STOPPED || stopping.signal.aborted) return;
            if (chunk === BEHIND) break;
            yield chunk;
            position = chunk.at(-1)?.position ?? position;
          }
          // Fallen behind what the tail keeps: back to pages.
          await leaveTail();
        }
      } finally {
        leavePages();
        await leaveTail();
      }
    }.call(this);
    return {
      stop: async () => {
        stopping.abort();
        leavePages();
        await leaveTail();
      },
      [Symbol.asyncIterator]: () => chunks,
    };
  }

  /** The live tail, started at `position` if there is none to join. */
  private tailFrom(position: number, pageSize: number): LiveTail {
    if (!this.tail?.usable) this.tail = new LiveTail(this.store, position, pageSize);
    return this.tail;
  }

  /** The page holding the events right after `position`: from memory, or read once for every reader. Undefined once stopped. */
  private async pageAfter(reader: Reader, position: number, stopped: AbortSignal): Promise<Page | undefined> {
    reader.position = position;
    this.forgetPassedPages();
    this.move();
    let entry = this.entryAfter(position);
    while (!entry) {
      if (this.expected.size === 0 && !this.someoneJustBehind(reader)) {
        entry = this.read(position);
        break;
      }
      if (await untilAborted(this.moved.promise, stopped) === ABORTED) return undefined;
      entry = this.entryAfter(position);
    }
    return entry.read;
  }

  private entryAfter(position: number): Entry | undefined {
    const exact = this.entries.get(position);
    if (exact) return exact;
    for (const entry of this.entries.values()) {
      if (entry.page && entry.page.after < position && position < entry.page.last) return entry;
    }
    return undefined;
  }

  private someoneJustBehind(reader: Reader): boolean {
    for (const other of this.readers) {
      const behind = reader.position - other.position;
      if (behind > this.pageSize && behind <= COHORT_PAGES * this.pageSize) return true;
    }
    return false;
  }

  private read(after: number): Entry {
    const entry: Entry = {
      after,
      read: this.store.readAll({ after, maxCount: this.pageSize }).then((events) => {
        const page = { after, events, last: events.at(-1)?.position ?? after, full: events.length === this.pageSize };
        entry.page = page;
        // A page short of full is the head as it was: whoever asks later reads afresh.
        if (!page.full && this.entries.get(after) === entry) this.entries.delete(after);
        return page;
      }, (error: unknown) => {
        // Whoever asks next reads again.
        this.entries.delete(after);
        throw error;
      }),
    };
    this.entries.set(after, entry);
    return entry;
  }

  private forgetPassedPages(): void {
    const slowest = Math.min(...[...this.readers].map((reader) => reader.position));
    for (const [after, entry] of this.entries) {
      if (entry.page && entry.page.last <= slowest) this.entries.delete(after);
    }
  }

  private move(): void {
    const moved = this.moved;
    this.moved = withResolvers();
    moved.resolve();
  }
}
