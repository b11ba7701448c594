import { domainEvents, parseStreamName, type StreamKind } from '@medfri/domain';
import type { RecordedEvent } from '@medfri/event-store';
import { storedShapeOf, type StoredShape } from './storedShape.js';

/**
 * A stored domain event, upcast and validated, with its free text left out. Shared by
 * every projection reading the same stored event (see toDomainRecord): never changed.
 */
export interface DomainRecord {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  /** Place in its stream, from 0. */
  readonly revision: number;
  readonly streamKind: StreamKind;
  readonly streamId: string;
  readonly type: string;
  /** The event's data in its current shape; personal free-text fields hold SEALED, never their content. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The domain event as deciders' `evolve` takes it. */
  readonly event: { readonly type: string; readonly data: unknown };
  /** Clinical time and store time, ISO 8601 UTC. */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actorRole: string;
  /** Names of the personal free-text fields the event carries (sealed in storage): that a note exists, not what it says. */
  readonly sealedFields: readonly string[];
}

/** What stands in for every personal free-text field: read models never see the text. */
export const SEALED = '[sealed]';

/** Every domain event type: projections over domain events skip anything else in the store. */
export const domainEventTypes: readonly string[] = domainEvents.definitions.map((definition) => definition.type);

const storedShapes = new Map<string, StoredShape>(domainEvents.definitions.map((definition) => [definition.type, storedShapeOf(definition.schema)]));

/**
 * Parsing (upcasting, validating) is a large part of what projections spend per event,
 * and the followers of one process get the very same event objects (SharedCatchUp,
 * LiveTail): the record is kept on the event object itself, so each event is parsed
 * once per process however far apart its followers are. Non-enumerable, so the event
 * reads and compares as before.
 */
const PARSED = Symbol('domain record');

type Parsed = RecordedEvent & { [PARSED]?: DomainRecord | null };

/**
 * Parses a stored event of a domain stream. The service stores personal free text sealed
 * (not as the string the schema expects), so each such field is replaced by SEALED before
 * validation: that keeps the schema checks for everything else and keeps the text out.
 * Undefined for anything that is not a domain event on a domain stream.
 */
export function toDomainRecord(recorded: RecordedEvent): DomainRecord | undefined {
  const known = (recorded as Parsed)[PARSED];
  if (known !== undefined) return known ?? undefined;
  const record = parse(recorded);
  Object.defineProperty(recorded, PARSED, { value: record ?? null });
  return record;
}

function parse(recorded: RecordedEvent): DomainRecord | undefined {
  const stream = parseStreamName(recorded.stream);
  const definition = domainEvents.get(recorded.type);
  if (!stream || !definition) return undefined;
  const { schemaVersion } = recorded.metadata;
  const data = (recorded.data ?? {}) as Record<string, unknown>;
  // Most types have no personal field: their (empty, never changed) list is shared rather than filtered afresh.
  const sealedFields = definition.personalFields.length === 0
    ? definition.personalFields
    : definition.personalFields.filter((field) => data[field] !== undefined && data[field] !== null);
  // Copied only to seal: the data is otherwise shared with the stored event, never changed.
  const stored = sealedFields.length === 0 ? data : { ...data };
  for (const field of sealedFields) stored[field] = SEALED;
  // The schema's parse is most of parsing's cost; data of the current version in the
  // schema's shape was validated by it when decided (see storedShape.ts).
  const event = schemaVersion === definition.version && (storedShapes.get(recorded.type) as StoredShape)(stored)
    ? { type: recorded.type, data: stored }
    : domainEvents.parse(recorded.type, stored, schemaVersion);
  return {
    position: recorded.position,
    eventId: recorded.id,
    stream: recorded.stream,
    revision: recorded.revision,
    streamKind: stream.kind,
    streamId: stream.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    event,
    occurredAt: String((event.data as { occurredAt: string }).occurredAt),
    recordedAt: recorded.metadata.recordedAt,
    actorRole: recorded.metadata.actor.role,
    sealedFields,
  };
}

/**
 * The records of a batch, kept for the batch's array: followers catching up get the same
 * page array (see eventBatches), so each of them after the first gets the same records
 * array too, and what is derived from it (see foldStreams) is derived once per process.
 */
const recordsOfBatch = new WeakMap<readonly RecordedEvent[], readonly DomainRecord[]>();

/** The batch's domain events, in position order. Shared: never changed. */
export function toDomainRecords(events: readonly RecordedEvent[]): readonly DomainRecord[] {
  const known = recordsOfBatch.get(events);
  if (known) return known;
  const records: DomainRecord[] = [];
  for (const event of events) {
    const record = toDomainRecord(event);
    if (record) records.push(record);
  }
  recordsOfBatch.set(events, records);
  return records;
}
