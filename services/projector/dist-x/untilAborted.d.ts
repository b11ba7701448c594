export declare const ABORTED: unique symbol;
/**
 * The promise's outcome, or ABORTED as soon as the signal aborts. Unlike racing against a
 * promise that settles on abort, nothing stays attached to the long-lived signal once the
 * promise settles: a loop waiting this way once per chunk for as long as a service runs
 * holds no memory for the waits behind it.
 */
export declare function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED>;
//# sourceMappingURL=untilAborted.d.ts.map