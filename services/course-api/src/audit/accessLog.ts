import type { Pool } from 'pg';

export interface AccessRecord {
  patientId: string;
  at: Date;
  actorSubject: string;
  actorRole: string;
  /** The unit through which a clinician was allowed to read; null for other roles. */
  unitId: string | null;
  /** What was read, e.g. `patient.identity`. */
  resource: string;
  requestId: string;
}

export interface AccessLogEntry {
  at: string;
  actor: { subject: string; role: string };
  unitId: string | null;
  resource: string;
}

/** Every read of a patient's data by anyone but the patient; the patient can read it back. */
export class AccessLog {
  constructor(private readonly pool: Pool) {}

  async record(records: readonly AccessRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.pool.query(
      `INSERT INTO access_log (patient_id, at, actor_subject, actor_role, unit_id, resource, request_id)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])`,
      [
        records.map((r) => r.patientId),
        records.map((r) => r.at),
        records.map((r) => r.actorSubject),
        records.map((r) => r.actorRole),
        records.map((r) => r.unitId),
        records.map((r) => r.resource),
        records.map((r) => r.requestId),
      ],
    );
  }

  /** Newest first. */
  async forPatient(patientId: string, limit: number): Promise<AccessLogEntry[]> {
    const rows = await this.pool.query<{ at: Date; actor_subject: string; actor_role: string; unit_id: string | null; resource: string }>(
      `SELECT at, actor_subject, actor_role, unit_id, resource FROM access_log WHERE patient_id = $1 ORDER BY id DESC LIMIT $2`,
      [patientId, limit],
    );
    return rows.rows.map((row) => ({
      at: row.at.toISOString(),
      actor: { subject: row.actor_subject, role: row.actor_role },
      unitId: row.unit_id,
      resource: row.resource,
    }));
  }
}
