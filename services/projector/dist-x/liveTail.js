"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LiveTail = exports.STOPPED = exports.BEHIND = void 0;
const untilAborted_js_1 = require("./untilAborted.js");
const withResolvers_js_1 = require("./withResolvers.js");
/**
 * Events kept for readers at the head: trimmed once twice as many are held, to those a
 * reader has not passed and at most this many; a reader that falls further behind reads
 * pages again.
 */
const KEEP = 10_000;
exports.BEHIND = Symbol('behind');
exports.STOPPED = Symbol('stopped');
/**
 * The one live subscription of a process, shared by its followers at the head: each new
 * event is read from the store once, not once per projection, and handed on to every
 * reader in chunks of what arrived since it last asked. It keeps the recent events until
 * every reader has passed them (and at most about KEEP more); a reader asking for events
 * from before what it keeps is told it is BEHIND and reads pages until it is back.
 */
class LiveTail {
    events = [];
    /** Every event after this position is in `events`. */
    from;
    readers = new Set();
    subscription;
    arrived = (0, withResolvers_js_1.withResolvers)();
    wakeScheduled = false;
    failure;
    ended = false;
    stopping;
    constructor(store, after, pageSize) {
        this.from = after;
        this.subscription = store.subscribeToAll({ after, pageSize });
        void this.pump();
    }
    /** A tail whose last reader left, or whose subscription failed, takes no new readers. */
    get usable() {
        return !this.stopping && !this.ended;
    }
    join(position) {
        const reader = { position };
        this.readers.add(reader);
        return reader;
    }
    /** The last reader to leave stops the subscription; resolves once it has stopped. */
    leave(reader) {
        this.readers.delete(reader);
        if (this.readers.size === 0)
            this.stopping ??= this.subscription.stop();
        return this.stopping ?? Promise.resolve();
    }
    /**
     * The events after `position` (waiting for at least one), BEHIND if they are no longer
     * kept, STOPPED once `stopped` aborts or the subscription ended; throws what made the
     * subscription fail.
     */
    async next(reader, position, stopped) {
        reader.position = position;
        for (;;) {
            if (stopped.aborted)
                return exports.STOPPED;
            if (this.failure !== undefined)
                throw this.failure;
            if (position < this.from)
                return exports.BEHIND;
            const index = this.firstAfter(position);
            if (index < this.events.length)
                return this.events.slice(index);
            if (this.ended)
                return exports.STOPPED;
            if (await (0, untilAborted_js_1.untilAborted)(this.arrived.promise, stopped) === untilAborted_js_1.ABORTED)
                return exports.STOPPED;
        }
    }
    async pump() {
        try {
            for await (const event of this.subscription) {
                this.events.push(event);
                if (this.events.length > 2 * KEEP)
                    this.forgetPassed();
                // A page arrives as a run of events: readers wake once for all of it.
                if (!this.wakeScheduled) {
                    this.wakeScheduled = true;
                    setImmediate(() => {
                        this.wakeScheduled = false;
                        this.wake();
                    });
                }
            }
        }
        catch (error) {
            this.failure = error;
        }
        this.ended = true;
        this.wake();
    }
    /** Drops what every reader has passed, and beyond that the oldest until KEEP remain. */
    forgetPassed() {
        const slowest = Math.min(...[...this.readers].map((reader) => reader.position));
        const passed = this.firstAfter(slowest);
        const drop = Math.max(passed, this.events.length - KEEP);
        if (drop === 0)
            return;
        this.from = this.events[drop - 1]?.position ?? this.from;
        this.events = this.events.slice(drop);
    }
    /** Index of the first kept event after `position` (events are in position order). */
    firstAfter(position) {
        let low = 0;
        let high = this.events.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if ((this.events[middle]?.position ?? 0) > position)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
    wake() {
        const arrived = this.arrived;
        this.arrived = (0, withResolvers_js_1.withResolvers)();
        arrived.resolve();
    }
}
exports.LiveTail = LiveTail;
//# sourceMappingURL=liveTail.js.map