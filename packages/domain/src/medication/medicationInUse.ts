import { DomainError } from '../kernel/domainError.js';
import type { MedicationRecord, MedicationState } from './medicationState.js';

/** The medication a command acts on, which must be recorded on the course and still in use. */
export function medicationInUse(medication: MedicationState, medicationId: string): MedicationRecord | DomainError {
  const record = medication.medications.get(medicationId);
  if (!record) return new DomainError('medication_not_found', 'No medication with this id on the course', { medicationId });
  if (!record.inUse) return new DomainError('medication_not_in_use', `${record.substance} is no longer in use`, { medicationId, stoppedAt: record.stoppedAt });
  return record;
}

/** Replaces one medication's record. */
export function updateMedication(
  medication: MedicationState,
  medicationId: string,
  update: (record: MedicationRecord) => MedicationRecord,
): MedicationState {
  const medications = medication.medications.update(medicationId, update);
  return medications === medication.medications ? medication : { ...medication, medications };
}

/** The medication no longer in use: dose 0 from the given time. */
export function stopMedicationRecord(medication: MedicationState, medicationId: string, stoppedAt: string): MedicationState {
  return updateMedication(medication, medicationId, (record) => ({ ...record, dose: 0, dailyDose: 0, ddds: 0, inUse: false, stoppedAt }));
}
