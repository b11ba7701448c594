import { type Pool } from 'pg';
/** Abandons a build that will never serve (a rebuild of a version that has been superseded). */
export declare function retireBuild(pool: Pool, name: string, buildId: number): Promise<void>;
/**
 * Drops the tables of retired builds. Separate from the switch-over so a reader still
 * in a query on the old tables only delays this, never the switch; a crash in between
 * leaves them retired, and the next start drops them.
 */
export declare function dropRetiredBuilds(pool: Pool, name: string): Promise<number[]>;
//# sourceMappingURL=retiredBuilds.d.ts.map