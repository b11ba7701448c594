import type { Logger } from 'pino';
export interface ProjectionLock {
    /** Aborts when the session ends: from then on another instance may hold the projection. */
    readonly lost: AbortSignal;
    /** Ends the session, which releases the lock. */
    release(): Promise<void>;
}
export interface AcquireOptions {
    connectionString: string;
    name: string;
    version: number;
    retryMs: number;
    signal: AbortSignal;
    log: Logger;
    /** Called with the payload of every control notification while the lock is held. */
    onControl(payload: string): void;
}
/**
 * Waits until this instance holds the projection: a PostgreSQL advisory lock on a
 * dedicated session, so a crashed holder's lock goes away with its connection and a
 * waiting instance takes over within one retry. The key covers name and version, so
 * during an upgrade the old version keeps being maintained by its own instance while
 * the new one builds. Returns undefined when the signal aborts first.
 */
export declare function acquireProjectionLock(options: AcquireOptions): Promise<ProjectionLock | undefined>;
//# sourceMappingURL=projectionLock.d.ts.map