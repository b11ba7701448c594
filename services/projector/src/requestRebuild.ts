import { migrate } from '@medfri/postgres-migrations';
import type { Pool } from 'pg';
import { createBuild } from './createBuild.js';
import { CONTROL_CHANNEL } from './notifyChannel.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { projectorMigrations } from './projectorMigrations.js';

/**
 * The operator's rebuild: a fresh build of the current definition, from position 0.
 * The instance holding the projection is told at once and feeds it next to the
 * serving build until it has caught up and switches over; with no instance running,
 * the next one to start does.
 */
export async function requestRebuild(pool: Pool, definition: ProjectionDefinition): Promise<Build> {
  await migrate(pool, 'projector', projectorMigrations);
  const build = await createBuild(pool, definition, 'rebuild');
  await pool.query('SELECT pg_notify($1, $2)', [CONTROL_CHANNEL, definition.name]);
  return build;
}
