/**
 * The event store's schema, as versioned migrations applied by @medfri/postgres-migrations.
 * Never edit a shipped migration: add the next version (CREATE OR REPLACE for functions).
 */
import type { Pool } from 'pg';
import { migrate, type AppliedMigration, type Migration } from '@medfri/postgres-migrations';

export const EVENT_STORE_COMPONENT = 'event-store';
/** Channel the sequencer notifies (payload: the new head position) after assigning positions. */
export const POSITIONED_CHANNEL = 'event_store_positioned';
/** Advisory lock key space (the two-int form) of per-stream append locks. */
export const STREAM_LOCK_CLASS = 1163067393; // 0x45530001, "ES" 1
/** Advisory lock (the one-bigint form, a different key space) held by whoever assigns positions. */
export const SEQUENCER_LOCK_KEY = '4995427968866403662'; // 0x455353455155454E, "ESSEQUEN"

/**
 * The careful append, for events given as `json` or `jsonb` (whichever the events table
 * stores: version 1 stored jsonb, version 3 keeps each event's JSON as written).
 */
const appendFunction = (json: 'json' | 'jsonb') => `-- The careful append: takes the stream's lock, then checks idempotency, the expected
-- revision and (inside a longer transaction) transaction order, then inserts. Used inside
-- callers' transactions, for empty appends, and when the one-statement fast path in
-- postgresAppend.ts inserted nothing or lost a race. Outcomes other than 'ok' write nothing.
-- p_events: [{"id": uuid, "type": text, "data": any JSON, "metadata": object}, ...]
CREATE FUNCTION event_store.append(
  p_stream text,
  p_expected_kind text,       -- any | no_stream | stream_exists | exact
  p_expected_revision bigint, -- the revision when p_expected_kind = 'exact'
  p_events ${json}
) RETURNS TABLE (o_outcome text, o_revision bigint, o_conflict uuid)
LANGUAGE plpgsql
-- Custom plans would be planned again on every call; these statements are index lookups
-- whose generic plans are always right.
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  v_ids uuid[] := ARRAY(SELECT (e.value->>'id')::uuid FROM ${json}_array_elements(p_events) WITH ORDINALITY AS e ORDER BY e.ordinality);
  v_count integer := cardinality(v_ids);
  v_found integer;
  v_same_stream boolean;
  v_offsets integer;
  v_offset bigint;
  v_current bigint;
  v_last_tx xid8;
  v_expected_ok boolean;
BEGIN
  -- Appends to one stream through this function take turns. An advisory lock, unlike a row
  -- lock, gives the transaction no id, so an autocommit append gets its id only after the
  -- previous appender of the stream committed.
  PERFORM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(p_stream));

  -- Idempotency first, so that a retried append succeeds whatever its expected revision.
  SELECT count(*)::integer, bool_and(e.stream = p_stream), count(DISTINCT e.revision - i.n)::integer, min(e.revision - i.n)
    INTO v_found, v_same_stream, v_offsets, v_offset
    FROM unnest(v_ids) WITH ORDINALITY AS i(id, n)
    JOIN event_store.events e ON e.id = i.id;
  IF v_found > 0 THEN
    IF v_found = v_count AND v_same_stream AND v_offsets = 1 THEN
      -- Every id is already in this stream, consecutively and in this order: a retry.
      RETURN QUERY SELECT 'duplicate'::text, v_offset + v_count, NULL::uuid;
      RETURN;
    END IF;
    RETURN QUERY SELECT 'duplicate_id'::text, NULL::bigint, i.id
      FROM unnest(v_ids) WITH ORDINALITY AS i(id, n)
      WHERE EXISTS (SELECT 1 FROM event_store.events e WHERE e.id = i.id)
      ORDER BY i.n LIMIT 1;
    RETURN;
  END IF;

  SELECT e.revision, e.tx INTO v_current, v_last_tx
    FROM event_store.events e WHERE e.stream = p_stream ORDER BY e.revision DESC LIMIT 1;
  IF NOT FOUND THEN
    v_current := -1;
  END IF;
  v_expected_ok := CASE p_expected_kind
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN v_current = -1
    WHEN 'stream_exists' THEN v_current >= 0
    ELSE v_current = p_expected_revision
  END;
  IF NOT v_expected_ok THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, v_current, NULL::uuid;
    RETURN;
  END IF;
  IF v_count = 0 THEN
    RETURN QUERY SELECT 'ok'::text, v_current, NULL::uuid;
    RETURN;
  END IF;

  -- Inside a longer transaction that already had an id, a newer transaction may have
  -- appended to this stream meanwhile. Positions follow transaction ids, so our later
  -- revisions would get earlier positions: refuse, and let the caller retry.
  IF v_last_tx IS NOT NULL AND v_last_tx > pg_current_xact_id() THEN
    RAISE EXCEPTION 'stream % was appended to by a newer transaction; retry the transaction', p_stream
      USING ERRCODE = 'serialization_failure';
  END IF;

  INSERT INTO event_store.events (id, stream, revision, type, data, metadata, recorded_at)
    SELECT (e.value->>'id')::uuid, p_stream, v_current + e.ordinality, e.value->>'type', e.value->'data', e.value->'metadata', statement_timestamp()
      FROM ${json}_array_elements(p_events) WITH ORDINALITY AS e
      ORDER BY e.ordinality;
  RETURN QUERY SELECT 'ok'::text, v_current + v_count, NULL::uuid;
END
$fn$;
`;

const schema = `
CREATE SCHEMA event_store;

-- One row per event, never updated except once: when the sequencer sets its position.
CREATE TABLE event_store.events (
  -- Insertion order within a transaction; (tx, seq) is the order positions are assigned in.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  -- The appending transaction; the sequencer positions only rows of finished transactions.
  tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
  -- The global position ($all), NULL until the sequencer assigns it: gapless, from 1.
  position bigint,
  id uuid NOT NULL,
  stream text NOT NULL,
  revision bigint NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream, revision)
);

-- Partial, so that appends (position NULL) do not touch it; the sequencer's update adds the entry.
CREATE UNIQUE INDEX events_position ON event_store.events (position) WHERE position IS NOT NULL;

-- What the sequencer still has to position: small, because it only holds pending rows.
CREATE INDEX events_unpositioned ON event_store.events (tx, seq) WHERE position IS NULL;

${appendFunction('jsonb')}
-- The sequencer: assigns the next gapless positions, in (tx, seq) order, to rows of
-- transactions that have finished. Every transaction with an id below the snapshot's xmin
-- has finished, so no row can appear below this fence later: positions follow (tx, seq)
-- whatever order transactions commit in. Only the holder of the sequencer lock assigns,
-- and it commits before it releases the lock, so readers see positions without gaps.
CREATE FUNCTION event_store.sequence(p_batch integer)
RETURNS TABLE (o_positioned integer, o_head bigint, o_fence xid8, o_complete boolean, o_waiting xid8)
LANGUAGE plpgsql
-- The batch joins back to its rows by ctid; a nested loop of tid lookups is always right here.
SET enable_hashjoin = off
SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  v_fence xid8 := pg_snapshot_xmin(pg_current_snapshot());
  v_positioned integer := 0;
  v_head bigint;
  v_waiting xid8;
BEGIN
  IF EXISTS (SELECT 1 FROM event_store.events WHERE position IS NULL AND tx < v_fence) THEN
    PERFORM pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY});
    -- A statement after the lock: its snapshot sees the positions the previous holder assigned.
    WITH head AS (
      SELECT coalesce(max(position), 0) AS h FROM event_store.events
    ), batch AS (
      SELECT pending.ctid AS row_id, row_number() OVER (ORDER BY pending.tx, pending.seq) AS n
        FROM (SELECT ctid, tx, seq FROM event_store.events
               WHERE position IS NULL AND tx < v_fence
               ORDER BY tx, seq LIMIT p_batch) pending
    )
    UPDATE event_store.events e SET position = head.h + batch.n
      FROM batch, head
     WHERE e.ctid = batch.row_id;
    GET DIAGNOSTICS v_positioned = ROW_COUNT;
  END IF;
  SELECT coalesce(max(position), 0) INTO v_head FROM event_store.events;
  IF v_positioned > 0 THEN
    -- Already serialised by the sequencer lock, so NOTIFY costs appends nothing here.
    PERFORM pg_notify('${POSITIONED_CHANNEL}', v_head::text);
  END IF;
  -- Committed rows still unpositioned because an older transaction is in flight.
  SELECT max(tx) INTO v_waiting FROM event_store.events WHERE position IS NULL;
  RETURN QUERY SELECT v_positioned, v_head, v_fence, v_positioned < p_batch, v_waiting;
END
$fn$;
`;

// Positioned rows leave dead entries in the partial index of pending rows until VACUUM, and
// every sequencer run scanned them from the lowest transaction id: slower with every event.
// The floor remembers below which transaction id everything is positioned, so runs scan
// only what came after the last complete run.
const sequencerFloor = `
CREATE TABLE event_store.sequencer_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- Every row with tx below the floor has its position; only the sequencer lock holder raises it.
  floor xid8 NOT NULL
);
INSERT INTO event_store.sequencer_state (floor) VALUES ('0');

CREATE OR REPLACE FUNCTION event_store.sequence(p_batch integer)
RETURNS TABLE (o_positioned integer, o_head bigint, o_fence xid8, o_complete boolean, o_waiting xid8)
LANGUAGE plpgsql
-- The batch joins back to its rows by ctid; a nested loop of tid lookups is always right here.
SET enable_hashjoin = off
SET enable_mergejoin = off
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  v_fence xid8 := pg_snapshot_xmin(pg_current_snapshot());
  -- Read before the lock: it only ever rises, so an old value just means scanning a little more.
  v_floor xid8 := (SELECT floor FROM event_store.sequencer_state);
  v_positioned integer := 0;
  v_head bigint;
  v_waiting xid8;
BEGIN
  IF EXISTS (SELECT 1 FROM event_store.events WHERE position IS NULL AND tx >= v_floor AND tx < v_fence) THEN
    PERFORM pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY});
    -- A statement after the lock: its snapshot sees the positions the previous holder assigned.
    WITH head AS (
      SELECT coalesce(max(position), 0) AS h FROM event_store.events
    ), batch AS (
      SELECT pending.ctid AS row_id, row_number() OVER (ORDER BY pending.tx, pending.seq) AS n
        FROM (SELECT ctid, tx, seq FROM event_store.events
               WHERE position IS NULL AND tx >= v_floor AND tx < v_fence
               ORDER BY tx, seq LIMIT p_batch) pending
    )
    UPDATE event_store.events e SET position = head.h + batch.n
      FROM batch, head
     WHERE e.ctid = batch.row_id;
    GET DIAGNOSTICS v_positioned = ROW_COUNT;
    IF v_positioned < p_batch THEN
      -- Every committed row below the fence is positioned now, and no other can appear there.
      UPDATE event_store.sequencer_state SET floor = v_fence WHERE floor < v_fence;
    END IF;
  END IF;
  SELECT coalesce(max(position), 0) INTO v_head FROM event_store.events;
  IF v_positioned > 0 THEN
    -- Already serialised by the sequencer lock, so NOTIFY costs appends nothing here.
    PERFORM pg_notify('${POSITIONED_CHANNEL}', v_head::text);
  END IF;
  -- Committed rows still unpositioned because an older transaction is in flight.
  SELECT max(tx) INTO v_waiting FROM event_store.events WHERE position IS NULL AND tx >= v_floor;
  RETURN QUERY SELECT v_positioned, v_head, v_fence, v_positioned < p_batch, v_waiting;
END
$fn$;
`;

// An event's data and metadata are kept as written (json) rather than decomposed (jsonb):
// nothing queries inside them, and every read wrote jsonb out as text again, a third of
// what reading an event cost PostgreSQL; appends spare the conversion in. Existing rows
// are rewritten once, in jsonb's own spelling.
const dataAsWritten = `
ALTER TABLE event_store.events
  ALTER COLUMN data TYPE json USING data::json,
  ALTER COLUMN metadata TYPE json USING metadata::json;
DROP FUNCTION event_store.append(text, text, bigint, jsonb);
${appendFunction('json')}`;

export const eventStoreMigrations: readonly Migration[] = [
  { version: 1, name: 'events table, append function and sequencer', sql: schema },
  { version: 2, name: 'sequencer floor', sql: sequencerFloor },
  { version: 3, name: 'event data and metadata kept as written (json)', sql: dataAsWritten },
];

/** Applies the event store's pending migrations; safe to call on every start. */
export function migrateEventStore(pool: Pool): Promise<AppliedMigration[]> {
  return migrate(pool, EVENT_STORE_COMPONENT, eventStoreMigrations);
}
