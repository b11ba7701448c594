import type { EventStore, RecordedEvent } from '@medfri/event-store';
/**
 * Events in position order, in the chunks they were read in: handing on a page at a
 * time rather than an event at a time saves several promises per event and follower.
 */
export interface EventChunks extends AsyncIterable<readonly RecordedEvent[]> {
    /** Ends the iteration; resolves once nothing is read for it any more. */
    stop(): Promise<void>;
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
export declare class SharedCatchUp {
    private readonly store;
    private readonly pageSize;
    private readonly entries;
    private readonly readers;
    private moved;
    private tail;
    constructor(store: EventStore, pageSize: number);
    /** Events after `after`: pages shared while catching up, then the process's live tail (pages of `livePageSize`). */
    subscribe(after: number, livePageSize: number): EventChunks;
    /** The live tail, started at `position` if there is none to join. */
    private tailFrom;
    /** The page holding the events right after `position`: from memory, or read once for every reader. Undefined once stopped. */
    private pageAfter;
    private entryAfter;
    private someoneJustBehind;
    private read;
    private forgetPassedPages;
    private move;
}
//# sourceMappingURL=sharedCatchUp.d.ts.map