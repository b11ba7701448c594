import type { EventStore, RecordedEvent } from '@medfri/event-store';
export declare const BEHIND: unique symbol;
export declare const STOPPED: unique symbol;
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
export declare class LiveTail {
    private events;
    /** Every event after this position is in `events`. */
    private from;
    private readonly readers;
    private readonly subscription;
    private arrived;
    private wakeScheduled;
    private failure;
    private ended;
    private stopping;
    constructor(store: EventStore, after: number, pageSize: number);
    /** A tail whose last reader left, or whose subscription failed, takes no new readers. */
    get usable(): boolean;
    join(position: number): TailReader;
    /** The last reader to leave stops the subscription; resolves once it has stopped. */
    leave(reader: TailReader): Promise<void>;
    /**
     * The events after `position` (waiting for at least one), BEHIND if they are no longer
     * kept, STOPPED once `stopped` aborts or the subscription ended; throws what made the
     * subscription fail.
     */
    next(reader: TailReader, position: number, stopped: AbortSignal): Promise<readonly RecordedEvent[] | typeof BEHIND | typeof STOPPED>;
    private pump;
    /** Drops what every reader has passed, and beyond that the oldest until KEEP remain. */
    private forgetPassed;
    /** Index of the first kept event after `position` (events are in position order). */
    private firstAfter;
    private wake;
}
//# sourceMappingURL=liveTail.d.ts.map