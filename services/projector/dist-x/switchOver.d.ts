import type { Pool } from 'pg';
import type { ProjectionDefinition } from './projectionDefinition.js';
export type SwitchOutcome = {
    switched: true;
    retiredBuildId: number | undefined;
}
/** Not (or no longer) a building build, or not yet as far as the build it would replace. */
 | {
    switched: false;
    reason: 'not_building' | 'behind';
};
/**
 * Puts a caught-up build behind the views in one transaction: readers see the old
 * tables until the commit and the new ones after it, never a mix and never nothing.
 * The new build must be at least as far as the one it replaces, so what readers see
 * never goes back in the global order. The new build is always of `definition` (the
 * instance that fed it switches it). The replaced build is only retired here; its
 * tables are dropped after the commit.
 */
export declare function switchOver(pool: Pool, definition: ProjectionDefinition, buildId: number): Promise<SwitchOutcome>;
//# sourceMappingURL=switchOver.d.ts.map