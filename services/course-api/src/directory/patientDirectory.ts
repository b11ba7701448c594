import type { Pool } from 'pg';
import type { Queryable } from '../db/transaction.js';

/**
 * Which units each patient is in care at: the fact that lets a clinician of a unit see
 * a patient. The API adds a unit when a patient is registered there, and when a referral
 * or admission to a unit is recorded.
 */
export interface PatientDirectory {
  /** One of `units` the patient is in care at (the first in `units` order), if any. */
  sharedUnit(patientId: string, units: readonly string[]): Promise<string | undefined>;
  /** The given patients that are in care at the unit, in the given order. */
  inUnit(patientIds: readonly string[], unitId: string): Promise<string[]>;
  addToUnit(db: Queryable, patientId: string, unitId: string, since: Date): Promise<void>;
}

const REMEMBERED_PATIENTS = 20_000;

/**
 * Units a patient is known to be in care at. Care at a unit is only ever added, never
 * taken away, so a unit once read stays true and a clinician's next request on the same
 * patient needs no query. Only what the table holds is remembered (not what this process
 * is adding, whose transaction may still roll back); a unit not remembered is looked up,
 * so a unit another process added is found at once. Should care ever end, this must go.
 */
class KnownUnits {
  private readonly units = new Map<string, ReadonlySet<string>>();

  find(patientId: string, candidates: readonly string[]): string | undefined {
    const known = this.units.get(patientId);
    return known && candidates.find((unit) => known.has(unit));
  }

  remember(patientId: string, units: readonly string[]): void {
    if (units.length === 0) return;
    if (this.units.size >= REMEMBERED_PATIENTS) this.units.clear();
    this.units.set(patientId, new Set(units));
  }
}

export function createPatientDirectory(pool: Pool): PatientDirectory {
  const known = new KnownUnits();
  return {
    async sharedUnit(patientId, units) {
      const remembered = known.find(patientId, units);
      if (remembered !== undefined) return remembered;
      const rows = await pool.query<{ unit_id: string }>('SELECT unit_id FROM patient_units WHERE patient_id = $1', [patientId]);
      const current = rows.rows.map((row) => row.unit_id);
      known.remember(patientId, current);
      return units.find((unit) => current.includes(unit));
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
