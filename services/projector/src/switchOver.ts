import type { Pool } from 'pg';
import { BUILD_COLUMNS, lockProjectionCatalog, toBuild } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { CONTROL_CHANNEL, NOTIFY_CHANNEL } from './notifyChannel.js';
import { hideBuild, showBuild } from './readModelViews.js';
import { inTransaction, Rollback } from './transaction.js';

export type SwitchOutcome =
  | { switched: true; retiredBuildId: number | undefined }
  /** Not (or no longer) a building build, or not yet as far as the build it would replace. */
  | { switched: false; reason: 'not_building' | 'behind' };

/**
 * Puts a caught-up build behind the views in one transaction: readers see the old
 * tables until the commit and the new ones after it, never a mix and never nothing.
 * The new build must be at least as far as the one it replaces, so what readers see
 * never goes back in the global order. The new build is always of `definition` (the
 * instance that fed it switches it). The replaced build is only retired here; its
 * tables are dropped after the commit.
 */
export async function switchOver(pool: Pool, definition: ProjectionDefinition, buildId: number): Promise<SwitchOutcome> {
  const { name } = definition;
  return inTransaction<SwitchOutcome>(pool, async (tx) => {
    await lockProjectionCatalog(tx, name);
    const registry = await tx.query<{ active_build: string }>(
      'SELECT active_build FROM projection_registry WHERE name = $1', [name]);
    const activeId = registry.rows[0] ? Number(registry.rows[0].active_build) : undefined;
    // Row locks wait for a batch in flight on either build, so the checkpoints compared are final.
    const rows = await tx.query(
      `SELECT ${BUILD_COLUMNS} FROM projection_builds WHERE build_id = ANY($1::bigint[]) ORDER BY build_id FOR UPDATE`,
      [[buildId, activeId].filter((id) => id !== undefined)]);
    const builds = rows.rows.map(toBuild);
    const next = builds.find((build) => build.buildId === buildId);
    const current = builds.find((build) => build.buildId === activeId);
    if (next?.status !== 'building') return new Rollback({ switched: false, reason: 'not_building' });
    if (current && next.checkpoint < current.checkpoint) return new Rollback({ switched: false, reason: 'behind' });

    if (current) {
      await hideBuild(tx, current.schemaName);
      await tx.query(`UPDATE projection_builds SET status = 'retired', retired_at = now() WHERE build_id = $1`, [current.buildId]);
    }
    await tx.query(`UPDATE projection_builds SET status = 'active', activated_at = now() WHERE build_id = $1`, [next.buildId]);
    await showBuild(tx, next.schemaName, definition.views ?? []);
    await tx.query(
      `INSERT INTO projection_registry (name, active_version, active_build) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET active_version = excluded.active_version, active_build = excluded.active_build, switched_at = now()`,
      [name, next.version, next.buildId]);
    await tx.query('SELECT pg_notify($1, $2), pg_notify($3, $4)', [NOTIFY_CHANNEL, `${name}:${next.checkpoint}`, CONTROL_CHANNEL, name]);
    return { switched: true, retiredBuildId: current?.buildId };
  });
}
