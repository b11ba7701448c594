import type { EventMetadata, RecordedEvent } from '../port.js';

/** Columns every read selects, in the shape `toRecordedEvent` expects. */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at, tx::text AS tx';

export interface EventRow {
  /** int8 arrives as text; NULL until the sequencer has positioned the row. */
  position: string | null;
  id: string;
  stream: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'recordedAt'>;
  recorded_at: Date;
  /** The appending transaction (xid8 as text). */
  tx: string;
}

export type PositionedEventRow = EventRow & { position: string };

export function isPositioned(row: EventRow): row is PositionedEventRow {
  return row.position !== null;
}

export function toRecordedEvent(row: PositionedEventRow): RecordedEvent {
  const { occurredAt, actor, correlationId, causationId, schemaVersion } = row.metadata;
  return {
    id: row.id,
    stream: row.stream,
    type: row.type,
    revision: Number(row.revision),
    position: Number(row.position),
    data: row.data,
    // Rebuilt in a fixed key order: jsonb keeps keys in its own order.
    metadata: {
      occurredAt,
      actor: { id: actor.id, role: actor.role },
      correlationId,
      causationId: causationId ?? null,
      schemaVersion,
      recordedAt: row.recorded_at.toISOString(),
    },
  };
}
