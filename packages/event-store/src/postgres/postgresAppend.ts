/**
 * The append path: one call of the `event_store.append` function. Outside a transaction
 * block that is one round trip and one transaction; inside one (appendInTransaction) the
 * append commits or rolls back with the caller's transaction.
 */
import type { ClientBase, Pool } from 'pg';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors.js';
import type { AppendOptions, AppendResult, EventData } from '../port.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, validateAppend, type ValidatedAppend, type ValidationLimits } from '../validation.js';

const APPEND = {
  name: 'event_store_append',
  text: 'SELECT o_outcome, o_revision::text AS o_revision, o_conflict FROM event_store.append($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])',
};

interface AppendRow {
  o_outcome: 'ok' | 'duplicate' | 'wrong_expected_version' | 'duplicate_id';
  o_revision: string | null;
  o_conflict: string | null;
}

export type Queryable = Pick<ClientBase, 'query'> | Pool;

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
  return appendValidated(client, validateAppend(stream, events, options, limits));
}

/** Runs one validated append; throws the port's typed errors for refused appends. */
export async function appendValidated(db: Queryable, append: ValidatedAppend): Promise<AppendResult> {
  const { stream, expected, events } = append;
  let result;
  try {
    result = await db.query<AppendRow>({
      ...APPEND,
      values: [
        stream,
        typeof expected === 'number' ? 'exact' : expected,
        typeof expected === 'number' ? expected : null,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.dataJson),
        events.map((e) => e.metadataJson),
      ],
    });
  } catch (error) {
    // Another stream's append recorded one of these ids while ours waited for it to commit.
    const duplicate = duplicateIdOf(error);
    if (duplicate) throw new DuplicateEventIdError(duplicate);
    throw error;
  }
  const row = result.rows[0];
  const revision = row?.o_revision === null || row?.o_revision === undefined ? null : Number(row.o_revision);
  switch (row?.o_outcome) {
    case 'ok':
      return { nextExpectedRevision: revision as number, duplicate: false };
    case 'duplicate':
      return { nextExpectedRevision: revision as number, duplicate: true };
    case 'wrong_expected_version':
      throw new WrongExpectedVersionError(stream, expected, revision === -1 || revision === null ? 'no_stream' : revision);
    case 'duplicate_id':
      throw new DuplicateEventIdError(row.o_conflict as string);
    default:
      throw new Error(`Unexpected answer from event_store.append: ${JSON.stringify(row)}`);
  }
}

function duplicateIdOf(error: unknown): string | null {
  const { code, constraint, detail } = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== '23505' || constraint !== 'events_pkey') return null;
  const match = typeof detail === 'string' ? /\(id\)=\(([^)]+)\)/.exec(detail) : null;
  return match?.[1] ?? 'unknown';
}

/** SQLSTATEs after which the same append, retried as a new transaction, can succeed. */
export function isRetryableAppendError(error: unknown): boolean {
  const { code } = error as { code?: unknown };
  return code === '40001' || code === '40P01' || code === '23505';
}
