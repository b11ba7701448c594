/** Waits `ms`, or less when the signal aborts; never rejects, so callers just re-check the signal. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
//# sourceMappingURL=sleep.d.ts.map