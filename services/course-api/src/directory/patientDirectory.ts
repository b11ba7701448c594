import type { Pool } from 'pg';
import type { Queryable } from '../db/transaction.js';

/**
 * Which units each patient is in care at: the fact that lets a clinician of a unit see
 * a patient. The API adds a unit when a patient is registered there, and (once the
 * domain commands are wired) when a referral or admission to a unit is recorded.
 */
export interface PatientDirectory {
  unitsOf(patientId: string): Promise<string[]>;
  /** The given patients that are in care at the unit, in the given order. */
  inUnit(patientIds: readonly string[], unitId: string): Promise<string[]>;
  addToUnit(db: Queryable, patientId: string, unitId: string, since: Date): Promise<void>;
}

export function createPatientDirectory(pool: Pool): PatientDirectory {
  return {
    async unitsOf(patientId) {
      const rows = await pool.query<{ unit_id: string }>('SELECT unit_id FROM patient_units WHERE patient_id = $1 ORDER BY unit_id', [patientId]);
      return rows.rows.map((row) => row.unit_id);
    },
    async inUnit(patientIds, unitId) {
      const rows = await pool.query<{ patient_id: string }>(
        'SELECT patient_id FROM patient_units WHERE unit_id = $1 AND patient_id = ANY($2::uuid[])', [unitId, patientIds]);
      const found = new Set(rows.rows.map((row) => row.patient_id));
      return patientIds.filter((id) => found.has(id));
    },
    async addToUnit(db, patientId, unitId, since) {
      await db.query('INSERT INTO patient_units (patient_id, unit_id, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [patientId, unitId, since]);
    },
  };
}
