import { escapeIdentifier, type Pool } from 'pg';
import { pauseAutovacuum } from './autovacuumWhileCatchingUp.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { lockProjectionCatalog, type Build } from './projectionBuilds.js';
import { showBuild } from './readModelViews.js';
import { inTransaction } from './transaction.js';

export class BuildInProgressError extends Error {
  readonly code = 'build_in_progress';
  constructor(readonly projection: string, readonly buildId: number) {
    super(`Projection ${projection} is already being built (build ${buildId})`);
    this.name = new.target.name;
  }
}

/**
 * Creates a new, empty build of the definition in a schema of its own, starting at
 * position 0, its tables left out of autovacuum until it has caught up. The first build
 * of a projection serves at once (there is nothing else to serve); later ones build in
 * the background until they switch over.
 */
export async function createBuild(pool: Pool, definition: ProjectionDefinition, reason: 'version' | 'rebuild'): Promise<Build> {
  const { name, version } = definition;
  return inTransaction(pool, async (tx) => {
    await lockProjectionCatalog(tx, name);
    const building = await tx.query<{ build_id: string }>(
      `SELECT build_id FROM projection_builds WHERE name = $1 AND status = 'building'`, [name]);
    if (building.rows[0]) throw new BuildInProgressError(name, Number(building.rows[0].build_id));
    const registry = await tx.query('SELECT 1 FROM projection_registry WHERE name = $1', [name]);
    const first = registry.rowCount === 0;

    const next = await tx.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('projection_builds', 'build_id')) AS id`);
    const buildId = Number(next.rows[0]?.id);
    const schemaName = `rm_${name}_v${version}_${buildId}`;
    await tx.query(`CREATE SCHEMA ${escapeIdentifier(schemaName)}`);
    await tx.query(`SET LOCAL search_path TO ${escapeIdentifier(schemaName)}`);
    for (const sql of definition.migrations) await tx.query(sql);
    await tx.query('SET LOCAL search_path TO DEFAULT');
    await pauseAutovacuum(tx, schemaName);

    const status = first ? 'active' : 'building';
    await tx.query(
      `INSERT INTO projection_builds (build_id, name, version, schema_name, status, reason, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'active' THEN now() END)`,
      [buildId, name, version, schemaName, status, first ? 'initial' : reason]);
    if (first) {
      await showBuild(tx, schemaName, definition.views ?? []);
      await tx.query('INSERT INTO projection_registry (name, active_version, active_build) VALUES ($1, $2, $3)', [name, version, buildId]);
    }
    return { buildId, name, version, schemaName, status, checkpoint: 0 };
  });
}
