export const ABORTED = Symbol('aborted');

/**
 * The promise's outcome, or ABORTED as soon as the signal aborts. Unlike racing against a
 * promise that settles on abort, nothing stays attached to the long-lived signal once the
 * promise settles: a loop waiting this way once per chunk for as long as a service runs
 * holds no memory for the waits behind it.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise<T | typeof ABORTED>((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}
