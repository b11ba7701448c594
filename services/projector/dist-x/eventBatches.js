"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventBatches = eventBatches;
const untilAborted_js_1 = require("./untilAborted.js");
const IDLE = Symbol('idle');
/**
 * Groups chunks of events into batches: whole pages per transaction while catching up;
 * at the head, what arrives within the linger. A few milliseconds of linger turn a busy
 * stream of single events into a few transactions of several events each, where every
 * transaction costs each projection several round trips. Ends when the source ends or
 * the signal aborts; stopping the source stays with its owner.
 */
async function* eventBatches(source, sizes, signal) {
    const iterator = source[Symbol.asyncIterator]();
    let pending = pull(iterator);
    let rest = [];
    let maxSize = sizes.min;
    while (!signal.aborted) {
        if (rest.length === 0) {
            const first = await (0, untilAborted_js_1.untilAborted)(pending, signal);
            if (first === untilAborted_js_1.ABORTED || first.done)
                return;
            rest = first.value;
            pending = pull(iterator);
            continue;
        }
        const batch = rest.slice(0, maxSize);
        rest = rest.slice(maxSize);
        // One linger (or one turn of the event loop) for the whole batch.
        const turn = batch.length < maxSize ? linger(sizes.lingerMs ?? 0) : undefined;
        while (turn && batch.length < maxSize) {
            const next = await Promise.race([pending, turn.idle]);
            if (next === IDLE || next.done)
                break;
            pending = pull(iterator);
            const room = maxSize - batch.length;
            batch.push(...next.value.slice(0, room));
            rest = next.value.slice(room);
        }
        turn?.cancel();
        if (batch.length === maxSize)
            maxSize = Math.min(sizes.max, maxSize * 2);
        else if (batch.length < sizes.min)
            maxSize = sizes.min;
        yield batch;
    }
}
function pull(iterator) {
    const next = iterator.next();
    // The pull may fail while a batch is being applied; it is awaited (and thrown) later.
    next.catch(() => undefined);
    return next;
}
/**
 * Resolves after `ms`, or with 0 after everything already resolved has run: what is
 * buffered (or arrives in time) wins the race.
 */
function linger(ms) {
    // The executor runs at once, so `cancel` is set before it is returned.
    let cancel;
    const idle = new Promise((resolve) => {
        if (ms === 0) {
            const immediate = setImmediate(resolve, IDLE);
            cancel = () => clearImmediate(immediate);
        }
        else {
            const timer = setTimeout(resolve, ms, IDLE);
            cancel = () => clearTimeout(timer);
        }
    });
    return { idle, cancel };
}
//# sourceMappingURL=eventBatches.js.map