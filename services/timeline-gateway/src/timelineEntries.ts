import type { Pool } from 'pg';
import type { TimelineEntry } from './timelineProtocol.js';

interface EntryRow {
  position: string;
  event_id: string;
  patient_id: string;
  course_id: string | null;
  occurred_at: Date;
  recorded_at: Date;
  kind: string;
  summary_nb: string;
  summary_en: string;
  details: Record<string, unknown>;
  retracted_by: string | null;
  retracts: string | null;
}

/** Each followed patient with the last position already sent for them. */
export type Cursors = ReadonlyMap<string, number>;

/**
 * The entries after each patient's cursor, in position order, at most `limit`.
 * Reads the projector's stable view, whichever build is behind it.
 */
export async function readEntriesAfter(pool: Pool, cursors: Cursors, limit: number): Promise<TimelineEntry[]> {
  const result = await pool.query<EntryRow>(
    `SELECT e.position, e.event_id, e.patient_id, e.course_id, e.occurred_at, e.recorded_at, e.kind,
            e.summary_nb, e.summary_en, e.details, e.retracted_by, e.retracts
     FROM unnest($1::uuid[], $2::bigint[]) AS cursor (patient_id, after)
     JOIN read_models.timeline_entries e ON e.patient_id = cursor.patient_id AND e.position > cursor.after
     ORDER BY e.position
     LIMIT $3`,
    [[...cursors.keys()], [...cursors.values()], limit],
  );
  return result.rows.map((row) => ({
    position: Number(row.position),
    eventId: row.event_id,
    patientId: row.patient_id,
    courseId: row.course_id,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    kind: row.kind,
    summary: { nb: row.summary_nb, en: row.summary_en },
    details: row.details,
    retractedBy: row.retracted_by === null ? null : Number(row.retracted_by),
    retracts: row.retracts === null ? null : Number(row.retracts),
  }));
}
