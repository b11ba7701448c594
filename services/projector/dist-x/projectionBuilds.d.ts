import type { Pool, PoolClient } from 'pg';
export type BuildStatus = 'building' | 'active' | 'retired' | 'dropped';
/** One build of one version of a projection: its own schema, its own checkpoint. */
export interface Build {
    buildId: number;
    name: string;
    version: number;
    schemaName: string;
    status: BuildStatus;
    checkpoint: number;
}
interface BuildRow {
    build_id: string;
    name: string;
    version: number;
    schema_name: string;
    status: BuildStatus;
    checkpoint: string;
}
export declare const BUILD_COLUMNS = "build_id, name, version, schema_name, status, checkpoint";
export declare function toBuild(row: BuildRow): Build;
/** The builds of a projection whose tables exist (building, active or retired), oldest first. */
export declare function loadBuilds(db: Pool | PoolClient, name: string): Promise<Build[]>;
/** Serialises everything that changes which builds of a projection exist or serve, until the transaction ends. */
export declare function lockProjectionCatalog(tx: PoolClient, name: string): Promise<void>;
export {};
//# sourceMappingURL=projectionBuilds.d.ts.map