import type { Pool } from 'pg';

export interface Migration {
  /** 1, 2, 3, ... in the order they must run; never renumber one that has shipped. */
  version: number;
  name: string;
  sql: string;
}

export interface AppliedMigration {
  component: string;
  version: number;
  name: string;
}

export class MigrationOrderError extends Error {
  readonly code = 'migration_order';
  constructor(component: string, detail: string) {
    super(`Migrations of ${component}: ${detail}`);
    this.name = 'MigrationOrderError';
  }
}

// One lock for every component: two processes starting at once apply each migration once.
const MIGRATION_LOCK = 'medfri:migrations';

/**
 * Applies the component's migrations that are not yet recorded, each in its own
 * transaction together with its record. Safe to call on every start.
 */
export async function migrate(pool: Pool, component: string, migrations: readonly Migration[]): Promise<AppliedMigration[]> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationOrderError(component, `expected version ${index + 1} at position ${index}, found ${migration.version}`);
    }
  });
  const client = await pool.connect();
  const applied: AppliedMigration[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        component text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (component, version))`);
      const done = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations WHERE component = $1', [component]);
      const doneVersions = new Set(done.rows.map((row) => row.version));
      for (const migration of migrations) {
        if (doneVersions.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)',
            [component, migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push({ component, version: migration.version, name: migration.name });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return applied;
}

/** True when every migration of the component is recorded: readiness checks use it. */
export async function isMigrated(pool: Pool, component: string, migrations: readonly Migration[]): Promise<boolean> {
  const result = await pool.query<{ count: string }>(
    `SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'`);
  if (result.rows[0]?.count === '0') return false;
  const done = await pool.query<{ max: number | null }>(
    'SELECT max(version) AS max FROM schema_migrations WHERE component = $1', [component]);
  return (done.rows[0]?.max ?? 0) >= migrations.length;
}
