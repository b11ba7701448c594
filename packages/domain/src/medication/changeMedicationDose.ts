import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, positiveDose, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { refuseUnjustifiedDoseAboveDdd } from './definedDailyDose.js';
import { doseChangeShape, planDoseChange } from './doseChange.js';
import { frequencySchema, sameFrequency } from './frequency.js';
import { medicationInUse } from './medicationInUse.js';

export const changeMedicationDoseCommand = courseCommand('ChangeMedicationDose', 'Change the dose (and optionally the frequency) of a medication in use; above one DDD needs a justification', {
  medicationId: uuid,
  /** To stop a medication use StopMedication; a tapering plan changes doses through its steps. */
  dose: positiveDose,
  frequency: frequencySchema.optional(),
  justificationAboveDdd: personalText.optional(),
});
export type ChangeMedicationDose = z.infer<typeof changeMedicationDoseCommand>;

export const medicationDoseChanged = defineEvent(
  'MedicationDoseChanged',
  { ...doseChangeShape, justificationAboveDdd: personalText.optional() },
  { personalFields: ['justificationAboveDdd'] },
);
export type MedicationDoseChanged = EventOf<typeof medicationDoseChanged>;

export function decideChangeMedicationDose(command: ChangeMedicationDose, state: CourseState, context: DecisionContext): Decision<MedicationDoseChanged> {
  const medication = medicationInUse(state.medication, command.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const planned = planDoseChange(medication, command.dose, context.reference, command.frequency);
  if (planned instanceof DomainError) return { ok: false, error: planned };
  if (planned.change.dose === medication.dose && sameFrequency(planned.change.frequency, medication.frequency)) {
    return refuse('dose_unchanged', `${medication.substance} is already at this dose and frequency`, { dose: medication.dose });
  }
  const unjustified = refuseUnjustifiedDoseAboveDdd(planned.calculation, command.justificationAboveDdd);
  if (unjustified) return { ok: false, error: unjustified };
  const { justificationAboveDdd } = command;
  return accept({
    type: 'MedicationDoseChanged',
    data: { occurredAt: occurredAtOf(command, context), ...planned.change, ...(justificationAboveDdd ? { justificationAboveDdd } : {}) },
  });
}
