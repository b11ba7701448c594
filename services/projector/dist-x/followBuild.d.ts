import type { EventStore } from '@medfri/event-store';
import type { Pool } from 'pg';
import type { BatchSender } from './batchSender.js';
import { type BatchSizes } from './eventBatches.js';
import { type Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import type { SharedCatchUp } from './sharedCatchUp.js';
export interface FollowOptions {
    pool: Pool;
    /** This process's batch sender, shared with its other followers. */
    sender: BatchSender;
    store: EventStore;
    /** This process's catch-up reads, shared with its other followers. */
    catchUp: SharedCatchUp;
    definition: ProjectionDefinition;
    buildId: number;
    batchSizes: BatchSizes;
    signal: AbortSignal;
    /** Called with the build as loaded, then after every committed batch. */
    onProgress(build: Build): Promise<void>;
}
/** `stopped`: the signal aborted. `fenced`: the build moved on without this follower (see batchMessage). */
export type FollowEnd = 'stopped' | 'fenced';
/**
 * Feeds one build from its committed checkpoint: catches up page by page, then
 * follows live. Errors (store or database unavailable, a failing handler) are thrown
 * with nothing half-applied; following again resumes from the last commit. While
 * catching up, the next batch is handled while the last one commits (it is sent only
 * once that one has committed), so the handlers' work and PostgreSQL's overlap; at the
 * head each batch's commit is awaited at once.
 */
export declare function followBuild(options: FollowOptions): Promise<FollowEnd>;
//# sourceMappingURL=followBuild.d.ts.map