/**
 * The append path. Autocommit appends try one plain INSERT statement first (one round
 * trip, one transaction, nothing but index lookups besides the insert): it computes the
 * next revision and inserts only if the expected revision holds. When it inserts nothing
 * or loses a race (a unique violation: same id or same revision appended concurrently),
 * the careful `event_store.append` function decides: retry, duplicate, or conflict.
 *
 * Both take the stream's advisory lock, so appends to one stream take turns (and an append
 * inside a caller's transaction is not overtaken). The fast path reads the revision with a
 * snapshot taken before it waited for the lock; if someone appended meanwhile, its insert
 * hits the unique (stream, revision) index and the careful path, which reads after the
 * lock, settles it.
 *
 * Transaction order agrees with revision order: the statement that wins revision r+1 saw
 * revision r committed in its snapshot and only then took its transaction id, so its id is
 * higher than the id of the transaction that wrote revision r.
 */
import type { ClientBase, Pool } from 'pg';
import { STREAM_LOCK_CLASS } from './migrations.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type { AppendOptions, AppendResult, EventData, ExpectedRevision } from '../port.js';
import {
  DEFAULT_MAX_PAYLOAD_BYTES,
  validateAppend,
  type ValidatedAppend,
  type ValidatedEvent,
  type ValidationLimits,
} from '../validation.js';

type Queryable = Pick<ClientBase, 'query'> | Pool;

const FAST_APPEND = {
  name: 'event_store_fast_append',
  text: `WITH current AS (
    SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext($1)) AS locked,
           coalesce(max(revision), -1) AS revision
      FROM event_store.events WHERE stream = $1
  ), inserted AS (
    INSERT INTO event_store.events (id, stream, revision, type, data, metadata, recorded_at)
    SELECT e.id, $1, c.revision + e.n, e.type, e.data, e.metadata, statement_timestamp()
      FROM current c,
           -- The events' fields as arrays, each value checked by its type's input alone:
           -- taking them apart from one JSON array in SQL cost PostgreSQL half as much again.
           unnest($4::uuid[], $5::text[], $6::json[], $7::json[]) WITH ORDINALITY AS e(id, type, data, metadata, n)
     WHERE CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN c.revision = -1
             WHEN 'stream_exists' THEN c.revision >= 0
             ELSE c.revision = $3::bigint
           END
     ORDER BY e.n
    RETURNING revision
  )
  SELECT count(*)::int AS appended, max(revision)::text AS last FROM inserted`,
};

/**
 * The same for one event (most appends carry one), with plain parameters:
 * $1 stream, $2 id, $3 type, $4 data, $5 metadata, $6 expected revision (exact only).
 * Where the new revision is known in advance it is not read back.
 */
const LOCK_STREAM = `pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext($1))`;
const INSERT_ONE = `INSERT INTO event_store.events (id, stream, revision, type, data, metadata, recorded_at)`;
const FAST_APPEND_ONE = {
  // A stream without events has no revision 0: if it has one, the unique index refuses the insert.
  no_stream: {
    name: 'event_store_fast_append_new',
    text: `WITH locked AS (SELECT ${LOCK_STREAM})
      ${INSERT_ONE}
      SELECT $2::uuid, $1, 0, $3::text, $4::json, $5::json, statement_timestamp() FROM locked`,
  },
  exact: {
    name: 'event_store_fast_append_exact',
    text: `WITH current AS (
        SELECT ${LOCK_STREAM} AS locked, max(revision) AS revision FROM event_store.events WHERE stream = $1
      )
      ${INSERT_ONE}
      SELECT $2::uuid, $1, $6::bigint + 1, $3::text, $4::json, $5::json, statement_timestamp()
        FROM current c WHERE c.revision = $6::bigint`,
  },
  any: {
    name: 'event_store_fast_append_any',
    text: `WITH current AS (
        SELECT ${LOCK_STREAM} AS locked, coalesce(max(revision), -1) AS revision FROM event_store.events WHERE stream = $1
      )
      ${INSERT_ONE}
      SELECT $2::uuid, $1, c.revision + 1, $3::text, $4::json, $5::json, statement_timestamp()
        FROM current c WHERE $6::text = 'any' OR c.revision >= 0
      RETURNING revision::text AS last`,
  },
};

const CAREFUL_APPEND = {
  name: 'event_store_append',
  text: 'SELECT o_outcome, o_revision::text AS o_revision, o_conflict FROM event_store.append($1, $2, $3, $4::json)',
};

interface CarefulRow {
  o_outcome: 'ok' | 'duplicate' | 'wrong_expected_version' | 'duplicate_id';
  o_revision: string | null;
  o_conflict: string | null;
}

/** Lost races are settled by trying again; each lost race means another append succeeded. */
const MAX_ATTEMPTS = 10;

/** Appends as its own transaction (on a pool, outside any transaction block). */
export async function appendAutocommit(pool: Pool, append: ValidatedAppend): Promise<AppendResult> {
  if (append.events.length > 0) {
    try {
      const appended = await (append.events.length === 1
        ? fastAppendOne(pool, append.stream, append.expected, append.events[0] as ValidatedEvent)
        : fastAppendMany(pool, append));
      if (appended !== null) return { nextExpectedRevision: appended, duplicate: false };
      // Nothing inserted: the expected revision did not hold (or this is a retry). Let the careful path say which.
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
  const values = parameters(append);
  for (let attempt = 1; ; attempt++) {
    try {
      return await careful(pool, append, values);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isLostRace(error)) throw toDuplicateId(error);
    }
  }
}

/**
 * Appends inside the caller's open transaction on `client`. The events become visible
 * (and get positions) only when the caller commits; a rollback discards them. Keep such
 * transactions short: until they finish, the sequencer positions nothing appended after
 * them. May fail with SQLSTATE 40001 (serialization_failure): roll back and retry.
 */
export function appendInTransaction(
  client: ClientBase,
  stream: string,
  events: readonly EventData[],
  options?: AppendOptions,
  limits: ValidationLimits = { maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES },
): Promise<AppendResult> {
  const append = validateAppend(stream, events, options, limits);
  return careful(client, append, parameters(append)).catch((error: unknown) => {
    throw toDuplicateId(error);
  });
}

/** The new last revision, or null when the expected revision did not hold. */
async function fastAppendOne(pool: Pool, stream: string, expected: ExpectedRevision, event: ValidatedEvent): Promise<number | null> {
  const values: unknown[] = [stream, event.id, event.type, event.dataJson, event.metadataJson];
  if (expected === 'no_stream') {
    const { rowCount } = await pool.query({ ...FAST_APPEND_ONE.no_stream, values });
    return rowCount === 1 ? 0 : null;
  }
  if (typeof expected === 'number') {
    const { rowCount } = await pool.query({ ...FAST_APPEND_ONE.exact, values: [...values, expected] });
    return rowCount === 1 ? expected + 1 : null;
  }
  const { rows } = await pool.query<{ last: string }>({ ...FAST_APPEND_ONE.any, values: [...values, expected] });
  return rows[0] ? Number(rows[0].last) : null;
}

async function fastAppendMany(pool: Pool, append: ValidatedAppend): Promise<number | null> {
  const { events } = append;
  const values = [
    append.stream, ...expectedParameters(append.expected),
    events.map((event) => event.id), events.map((event) => event.type),
    events.map((event) => event.dataJson), events.map((event) => event.metadataJson),
  ];
  const { rows } = await pool.query<{ last: string | null }>({ ...FAST_APPEND, values });
  return rows[0]?.last == null ? null : Number(rows[0].last);
}

async function careful(db: Queryable, append: ValidatedAppend, values: unknown[]): Promise<AppendResult> {
  const { rows } = await db.query<CarefulRow>({ ...CAREFUL_APPEND, values });
  const row = rows[0];
  const revision = row?.o_revision === null || row?.o_revision === undefined ? null : Number(row.o_revision);
  switch (row?.o_outcome) {
    case 'ok':
      return { nextExpectedRevision: revision as number, duplicate: false };
    case 'duplicate':
      return { nextExpectedRevision: revision as number, duplicate: true };
    case 'wrong_expected_version':
      throw new WrongExpectedVersionError(append.stream, append.expected, revision === -1 || revision === null ? 'no_stream' : revision);
    case 'duplicate_id':
      throw new DuplicateEventIdError(row.o_conflict as string);
    default:
      throw new Error(`Unexpected answer from event_store.append: ${JSON.stringify(row)}`);
  }
}

function parameters(append: ValidatedAppend): unknown[] {
  return [append.stream, ...expectedParameters(append.expected), eventsJson(append.events)];
}

function expectedParameters(expected: ExpectedRevision): [string, number | null] {
  return typeof expected === 'number' ? ['exact', expected] : [expected, null];
}

/** One JSON array built from the JSON validation already produced: nothing is serialised twice or escaped. */
function eventsJson(events: readonly ValidatedEvent[]): string {
  let json = '[';
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ValidatedEvent;
    json += `${i === 0 ? '' : ','}{"id":"${event.id}","type":${JSON.stringify(event.type)},"data":${event.dataJson},"metadata":${event.metadataJson}}`;
  }
  return `${json}]`;
}

/** A race the database settled against this append; the same append, tried again, decides it. */
function isLostRace(error: unknown): boolean {
  const { code } = error as { code?: unknown };
  return code === '23505' || code === '40001' || code === '40P01';
}

/** An id recorded by another stream's append that committed while this one waited for it. */
function toDuplicateId(error: unknown): unknown {
  const { code, constraint, detail } = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== '23505' || constraint !== 'events_pkey') return error;
  const match = typeof detail === 'string' ? /\(id\)=\(([^)]+)\)/.exec(detail) : null;
  return new DuplicateEventIdError(match?.[1] ?? 'unknown');
}
