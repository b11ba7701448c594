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

export const BUILD_COLUMNS = 'build_id, name, version, schema_name, status, checkpoint';

export function toBuild(row: BuildRow): Build {
  return {
    buildId: Number(row.build_id),
    name: row.name,
    version: row.version,
    schemaName: row.schema_name,
    status: row.status,
    checkpoint: Number(row.checkpoint),
  };
}

/** The builds of a projection whose tables exist (building, active or retired), oldest first. */
export async function loadBuilds(db: Pool | PoolClient, name: string): Promise<Build[]> {
  const result = await db.query<BuildRow>(
    `SELECT ${BUILD_COLUMNS} FROM projection_builds WHERE name = $1 AND status <> 'dropped' ORDER BY build_id`, [name]);
  return result.rows.map(toBuild);
}

/** Serialises everything that changes which builds of a projection exist or serve, until the transaction ends. */
export async function lockProjectionCatalog(tx: PoolClient, name: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('medfri:projection-catalog'), hashtext($1))`, [name]);
}
