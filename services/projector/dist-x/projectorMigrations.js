"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.projectorMigrations = void 0;
const notifyChannel_js_1 = require("./notifyChannel.js");
/** The projector's own bookkeeping: which build of each projection serves, and how far each build is. */
exports.projectorMigrations = [
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
    {
        version: 2,
        name: 'checkpoint advance in the batch statement',
        sql: `
      -- Opens a batch's transaction (see applyBatch): advances the build's checkpoint only from
      -- where the follower started, which fences out a former holder of the lock; sets the
      -- search path (the build's schema, then this one) and notifies listeners of a serving build, both for
      -- this transaction only. Read models are derived and rebuilt from the store on loss, so
      -- their commits need not wait for the disk: a crash loses the checkpoint with them.
      CREATE FUNCTION projector_advance_checkpoint(p_build bigint, p_after bigint, p_last bigint, p_schema text, p_notify text)
      RETURNS text LANGUAGE plpgsql AS $fn$
      DECLARE
        v_status text;
      BEGIN
        UPDATE projection_builds SET checkpoint = p_last
         WHERE build_id = p_build AND checkpoint = p_after AND status IN ('building', 'active')
        RETURNING status INTO v_status;
        IF v_status IS NULL THEN
          RAISE EXCEPTION 'build % is not at checkpoint %', p_build, p_after USING ERRCODE = 'MF001';
        END IF;
        PERFORM set_config('search_path', p_schema, true);
        PERFORM set_config('synchronous_commit', 'off', true);
        IF v_status = 'active' AND p_notify IS NOT NULL THEN
          PERFORM pg_notify('${notifyChannel_js_1.NOTIFY_CHANNEL}', p_notify);
        END IF;
        RETURN v_status;
      END
      $fn$;`,
    },
    {
        version: 3,
        name: 'one checkpoint advance for all batches of a message',
        sql: `
      -- Advances the checkpoints of all batches a message carries in one call (see BatchSender),
      -- each only from where its follower started, fencing out a former holder of the lock;
      -- notifies listeners of the serving builds; returns each build's status, in order. The
      -- caller then sets each batch's search path itself, with SET LOCAL: a function that
      -- changed it would see a different path on every call in the message, and PostgreSQL
      -- plans a statement again whenever the path differs from the one it was planned with.
      -- Read models are derived and rebuilt from the store on loss, so their commits need not
      -- wait for the disk: a crash loses the checkpoints with them. The single-batch
      -- projector_advance_checkpoint of migration 2 stays for processes of the previous
      -- release while a deployment replaces them.
      CREATE FUNCTION projector_advance_checkpoints(p_builds bigint[], p_afters bigint[], p_lasts bigint[], p_notifies text[])
      RETURNS text[] LANGUAGE plpgsql AS $fn$
      DECLARE
        v_statuses text[];
        v_notify text;
      BEGIN
        WITH moved AS (
          UPDATE projection_builds b SET checkpoint = u.last
            FROM unnest(p_builds, p_afters, p_lasts) AS u(build_id, after, last)
           WHERE b.build_id = u.build_id AND b.checkpoint = u.after AND b.status IN ('building', 'active')
          RETURNING b.build_id, b.status)
        SELECT array_agg(moved.status ORDER BY array_position(p_builds, moved.build_id)) INTO v_statuses FROM moved;
        IF coalesce(cardinality(v_statuses), 0) <> cardinality(p_builds) THEN
          RAISE EXCEPTION 'a build of % is not at its checkpoint', p_builds USING ERRCODE = 'MF001';
        END IF;
        PERFORM set_config('synchronous_commit', 'off', true);
        FOR i IN 1 .. cardinality(p_builds) LOOP
          v_notify := p_notifies[i];
          IF v_statuses[i] = 'active' AND v_notify IS NOT NULL THEN
            PERFORM pg_notify('${notifyChannel_js_1.NOTIFY_CHANNEL}', v_notify);
          END IF;
        END LOOP;
        RETURN v_statuses;
      END
      $fn$;`,
    },
];
//# sourceMappingURL=projectorMigrations.js.map