import type { EventStore } from '@medfri/event-store';
import type { BatchSender } from './batchSender.js';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { BatchSizes } from './eventBatches.js';
import { type Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import type { SharedCatchUp } from './sharedCatchUp.js';
export interface WorkerOptions {
    pool: Pool;
    sender: BatchSender;
    /** For the lock's own session, outside the pool. */
    connectionString: string;
    store: EventStore;
    catchUp: SharedCatchUp;
    definition: ProjectionDefinition;
    batchSizes: BatchSizes;
    lockRetryMs: number;
    log: Logger;
    onFailure(projection: string): void;
}
/**
 * `waiting`: another instance holds the projection. `leading`: this one maintains it.
 * `superseded`: a newer version of the definition serves; this instance has stopped.
 */
export type WorkerState = 'waiting' | 'leading' | 'superseded' | 'stopped';
export interface ProjectionStatus {
    name: string;
    version: number;
    state: WorkerState;
    /** The builds this instance feeds, as of their last commit. */
    builds: Build[];
    lastError: string | undefined;
}
/**
 * Keeps one projection up to date while this instance holds it: feeds the active
 * build of its version and, during a rebuild or an upgrade, the new build next to it,
 * which takes over the views once it has caught up.
 */
export declare class ProjectionWorker {
    private readonly options;
    private state;
    private lastError;
    private readonly followers;
    private readonly stopping;
    private readonly wakeup;
    private running;
    constructor(options: WorkerOptions);
    private get name();
    start(): void;
    stop(): Promise<void>;
    status(): ProjectionStatus;
    private run;
    /** Reconciles whenever woken (start, control notification, a follower fenced or switched). True when superseded. */
    private lead;
    /** Brings the builds in line with this definition; returns those of its version to feed. */
    private reconcile;
    private follow;
    /** Feeds one build until stopped or fenced, retrying failures with backoff from the last commit. */
    private feed;
    /**
     * Close enough to the head (within one batch) is caught up: under constant writes a
     * build is never exactly at the head, and after the switch it keeps following live.
     */
    private switchOverIfCaughtUp;
    private stopFollowers;
    private fail;
}
//# sourceMappingURL=projectionWorker.d.ts.map