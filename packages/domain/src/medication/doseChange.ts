import { z } from 'zod';
import type { ReferenceData } from '@medfri/reference-data';
import { DomainError } from '../kernel/domainError.js';
import { dose, uuid } from '../kernel/primitives.js';
import { calculateDdds, type DddCalculation } from './definedDailyDose.js';
import { frequencySchema, type Frequency } from './frequency.js';
import { updateMedication } from './medicationInUse.js';
import type { MedicationRecord, MedicationState } from './medicationState.js';

/**
 * A new dose of a medication in use, with its DDDs computed when decided (evolve has no
 * reference data). Carried by the medication's own dose changes and by tapering events,
 * which change the dose within the same course stream.
 */
export const doseChangeShape = {
  medicationId: uuid,
  previousDose: dose,
  dose,
  frequency: frequencySchema,
  dailyDose: dose,
  ddds: dose,
};
export const doseChangeSchema = z.object(doseChangeShape);
export type DoseChange = z.infer<typeof doseChangeSchema>;

/** The dose change to `newDose` (and optionally a new frequency), with the DDD calculation behind it. */
export function planDoseChange(
  medication: MedicationRecord,
  newDose: number,
  reference: ReferenceData,
  frequency: Frequency = medication.frequency,
): { change: DoseChange; calculation: DddCalculation } | DomainError {
  const calculation = calculateDdds({ atc: medication.atc, dose: newDose, unit: medication.unit, frequency }, reference);
  if (calculation instanceof DomainError) return calculation;
  return {
    calculation,
    change: {
      medicationId: medication.medicationId,
      previousDose: medication.dose,
      dose: newDose,
      frequency,
      dailyDose: calculation.dailyDose,
      ddds: calculation.ddds,
    },
  };
}

export function applyDoseChange(medication: MedicationState, change: DoseChange): MedicationState {
  const { dose: newDose, frequency, dailyDose, ddds } = change;
  return updateMedication(medication, change.medicationId, (record) => ({ ...record, dose: newDose, frequency, dailyDose, ddds }));
}
