import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Stands in for the projector: the views the gateway reads (as plain tables with the
 * columns it uses) and the course API's access log, written the way the projector
 * writes them: each entry committed in position order with its notification.
 */
export class ReadModelDouble {
  private position = 0;

  constructor(private readonly pool: Pool) {}

  async create(): Promise<void> {
    await this.pool.query(`
      CREATE SCHEMA read_models;
      CREATE TABLE read_models.timeline_entries (
        position bigint PRIMARY KEY, event_id uuid NOT NULL, patient_id uuid NOT NULL, course_id uuid,
        occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, kind text NOT NULL,
        summary_nb text NOT NULL, summary_en text NOT NULL, details json NOT NULL,
        retracted_by bigint, retracts bigint);
      CREATE TABLE read_models.patient_units (patient_id uuid NOT NULL, unit_id text NOT NULL, PRIMARY KEY (patient_id, unit_id));
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY, patient_id uuid NOT NULL, at timestamptz NOT NULL, actor_subject text NOT NULL,
        actor_role text NOT NULL, unit_id text, resource text NOT NULL, request_id uuid NOT NULL);`);
  }

  async admit(patientId: string, unitId: string): Promise<void> {
    await this.pool.query('INSERT INTO read_models.patient_units VALUES ($1, $2)', [patientId, unitId]);
  }

  /** Commits an entry of the patient at the next global position. */
  async write(patientId: string): Promise<number> {
    this.position += 1;
    const position = this.position;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO read_models.timeline_entries VALUES ($1, $2, $3, NULL, now(), now(), 'note', $4, $5, '{}', NULL, NULL)`,
        [position, randomUUID(), patientId, `Notat ${position}`, `Note ${position}`]);
      await client.query(`SELECT pg_notify('medfri_projection', $1)`, [`timeline:${position}`]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    return position;
  }

  async accessLog(): Promise<Array<{ patient_id: string; actor_role: string; unit_id: string | null; resource: string }>> {
    return (await this.pool.query('SELECT patient_id, actor_role, unit_id, resource FROM access_log ORDER BY id')).rows;
  }
}
