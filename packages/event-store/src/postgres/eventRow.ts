import type { EventMetadata, RecordedEvent } from '../port.js';

/**
 * Columns every read selects, fetched in array mode (no per-row object keyed by column
 * name: catch-up reads map hundreds of thousands of rows). recorded_at comes as the ISO
 * 8601 text the event carries (milliseconds, UTC, as Date's toISOString writes it):
 * parsing a timestamp into a Date and writing it out again cost more than the rest of
 * the row's decoding bar its JSON.
 */
export const EVENT_COLUMNS = `position, id, stream, revision, type, data, metadata, ${isoText('recorded_at')}`;

/** A timestamptz expression as text in Date's toISOString form, whatever the session's time zone. */
export function isoText(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** [position (int8 as text, NULL until positioned), id, stream, revision, type, data, metadata, recorded_at (ISO 8601), ...extra columns] */
export type EventRow = [string | null, string, string, string, string, unknown, StoredMetadata, string, ...unknown[]];

/** Metadata as stored: the writer's, without recordedAt (a column of its own). */
type StoredMetadata = Omit<EventMetadata, 'recordedAt'> & { recordedAt?: string };

export function isPositioned(row: EventRow): row is EventRow & [string] {
  return row[0] !== null;
}

/** Builds the event from a freshly parsed row; takes over the row's parsed objects. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = row[6];
  metadata.recordedAt = row[7];
  metadata.causationId ??= null;
  return {
    id: row[1],
    stream: row[2],
    type: row[4],
    revision: Number(row[3]),
    position: Number(row[0]),
    data: row[5],
    metadata: metadata as EventMetadata,
  };
}
