import type { Migration } from '@medfri/postgres-migrations';

/** The projector's own bookkeeping: which build of each projection serves, and how far each build is. */
export const projectorMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection registry and builds',
    sql: `
      CREATE SCHEMA IF NOT EXISTS read_models;

      CREATE TABLE projection_builds (
        build_id bigserial PRIMARY KEY,
        name text NOT NULL,
        version integer NOT NULL,
        schema_name text NOT NULL UNIQUE,
        -- building: catching up in the background; active: behind the views;
        -- retired: replaced, tables about to be dropped; dropped: tables gone.
        status text NOT NULL CHECK (status IN ('building', 'active', 'retired', 'dropped')),
        reason text NOT NULL CHECK (reason IN ('initial', 'version', 'rebuild')),
        checkpoint bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        retired_at timestamptz
      );
      CREATE UNIQUE INDEX projection_builds_one_building ON projection_builds (name) WHERE status = 'building';
      CREATE UNIQUE INDEX projection_builds_one_active ON projection_builds (name) WHERE status = 'active';

      CREATE TABLE projection_registry (
        name text PRIMARY KEY,
        active_version integer NOT NULL,
        active_build bigint NOT NULL REFERENCES projection_builds (build_id),
        switched_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
