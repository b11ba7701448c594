import type { Principal } from '@medfri/auth';
import type { Pool } from 'pg';

/** Granted: through which unit a clinician may see the patient (null for the patient themself). */
export type TimelineAccess = { granted: true; unitId: string | null } | { granted: false; reason: string };

/**
 * A patient sees only their own timeline; a clinician those of patients at one of their
 * units (the projector's `patient_units` read model); nobody else sees a timeline
 * (researchers get anonymized extracts only). A refusal never tells whether the
 * patient exists.
 */
export async function timelineAccess(pool: Pool, principal: Principal, patientId: string): Promise<TimelineAccess> {
  switch (principal.role) {
    case 'patient':
      return principal.patientId === patientId
        ? { granted: true, unitId: null }
        : { granted: false, reason: 'A patient can follow only their own timeline' };
    case 'clinician': {
      const units = await pool.query<{ unit_id: string }>(
        'SELECT unit_id FROM read_models.patient_units WHERE patient_id = $1 AND unit_id = ANY($2::text[]) ORDER BY unit_id LIMIT 1',
        [patientId, principal.units]);
      const unitId = units.rows[0]?.unit_id;
      return unitId === undefined
        ? { granted: false, reason: 'A clinician can follow only patients of their own units' }
        : { granted: true, unitId };
    }
    default:
      return { granted: false, reason: `A ${principal.role} cannot follow a patient's timeline` };
  }
}
