import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

export interface TimelineAccessRecord {
  patientId: string;
  actorSubject: string;
  actorRole: string;
  unitId: string | null;
}

/** Records that someone other than the patient started following the patient's timeline. */
export type AccessRecorder = (record: TimelineAccessRecord) => Promise<void>;

/**
 * Writes to the access log the course API keeps (and shows the patient), so a patient
 * sees one log of who looked at their course, whichever service served it.
 */
export function accessLogRecorder(pool: Pool): AccessRecorder {
  return async (record) => {
    await pool.query(
      `INSERT INTO access_log (patient_id, at, actor_subject, actor_role, unit_id, resource, request_id)
       VALUES ($1, now(), $2, $3, $4, 'patient.timeline', $5)`,
      [record.patientId, record.actorSubject, record.actorRole, record.unitId, randomUUID()],
    );
  };
}
