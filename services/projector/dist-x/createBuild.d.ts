import { type Pool } from 'pg';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { type Build } from './projectionBuilds.js';
export declare class BuildInProgressError extends Error {
    readonly projection: string;
    readonly buildId: number;
    readonly code = "build_in_progress";
    constructor(projection: string, buildId: number);
}
/**
 * Creates a new, empty build of the definition in a schema of its own, starting at
 * position 0. The first build of a projection serves at once (there is nothing else
 * to serve); later ones build in the background until they switch over.
 */
export declare function createBuild(pool: Pool, definition: ProjectionDefinition, reason: 'version' | 'rebuild'): Promise<Build>;
//# sourceMappingURL=createBuild.d.ts.map