import { type EventStore } from '@medfri/event-store';
import { type Logger } from 'pino';
import { type ProjectionDefinition } from './projectionDefinition.js';
import { type ProjectionStatus } from './projectionWorker.js';
export interface ProjectorConfig {
    /** Where the read models, their registry and checkpoints live. */
    databaseUrl: string;
    /** The store to follow; by default the PostgreSQL store in the same database. */
    store?: EventStore;
    projections?: readonly ProjectionDefinition[];
    /** Of the `/metrics` and `/healthz` endpoint; port 0 picks a free one. */
    host?: string;
    port?: number;
    /** Most events applied in one transaction at the head (default 500). */
    batchSize?: number;
    /**
     * Most events applied in one transaction while catching up (default 8 × batchSize), and
     * the page size of catch-up reads: batches grow towards it while they come full.
     */
    catchUpBatchSize?: number;
    /** How long a batch at the head waits for more events (default 20 ms): fewer, larger transactions under load. */
    lingerMs?: number;
    /** How often a waiting instance tries to take over a projection. */
    lockRetryMs?: number;
    logger?: Logger;
}
export interface Projector {
    /** Base URL of `/metrics` and `/healthz`. */
    url: string;
    status(): ProjectionStatus[];
    close(): Promise<void>;
}
/**
 * Starts keeping the read models up to date: applies the projector's own migrations,
 * then runs one worker per projection, each waiting for its lock if another instance
 * holds it.
 */
export declare function startProjector(config: ProjectorConfig): Promise<Projector>;
//# sourceMappingURL=projector.d.ts.map