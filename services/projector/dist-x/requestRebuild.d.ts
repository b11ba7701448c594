import type { Pool } from 'pg';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
/**
 * The operator's rebuild: a fresh build of the current definition, from position 0.
 * The instance holding the projection is told at once and feeds it next to the
 * serving build until it has caught up and switches over; with no instance running,
 * the next one to start does.
 */
export declare function requestRebuild(pool: Pool, definition: ProjectionDefinition): Promise<Build>;
//# sourceMappingURL=requestRebuild.d.ts.map