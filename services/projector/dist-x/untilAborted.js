"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ABORTED = void 0;
exports.untilAborted = untilAborted;
exports.ABORTED = Symbol('aborted');
/**
 * The promise's outcome, or ABORTED as soon as the signal aborts. Unlike racing against a
 * promise that settles on abort, nothing stays attached to the long-lived signal once the
 * promise settles: a loop waiting this way once per chunk for as long as a service runs
 * holds no memory for the waits behind it.
 */
function untilAborted(promise, signal) {
    if (signal.aborted)
        return Promise.resolve(exports.ABORTED);
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(exports.ABORTED);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
//# sourceMappingURL=untilAborted.js.map