"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sleep = sleep;
/** Waits `ms`, or less when the signal aborts; never rejects, so callers just re-check the signal. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
//# sourceMappingURL=sleep.js.map