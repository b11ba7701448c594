import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { atcCode, dose, personalText, positiveDose, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { calculateDdds, refuseUnjustifiedDoseAboveDdd } from './definedDailyDose.js';
import { doseRoundingSchema } from './doseRounding.js';
import { formulationSchema } from './formulation.js';
import { frequencySchema } from './frequency.js';
import type { MedicationState } from './medicationState.js';

const unit = z.string().trim().min(1).max(20);

export const recordMedicationInUseCommand = courseCommand('RecordMedicationInUse', 'Record a medication the patient uses, with its dose; above one DDD needs a justification', {
  atc: atcCode,
  dose: positiveDose,
  /** Must be the unit of the substance's WHO DDD (mg, or mmol for lithium). */
  unit,
  frequency: frequencySchema,
  formulation: formulationSchema,
  /** Available strengths or a liquid's resolution: the doses a tapering schedule can use. */
  rounding: doseRoundingSchema,
  justificationAboveDdd: personalText.optional(),
});
export type RecordMedicationInUse = z.infer<typeof recordMedicationInUseCommand>;

export const medicationRecorded = defineEvent(
  'MedicationRecorded',
  {
    medicationId: uuid,
    atc: atcCode,
    /** The substance name from the DDD table, so readers need no reference lookup. */
    substance: z.string().min(1),
    dose: positiveDose,
    unit,
    frequency: frequencySchema,
    formulation: formulationSchema,
    rounding: doseRoundingSchema,
    dailyDose: dose,
    ddds: dose,
    justificationAboveDdd: personalText.optional(),
  },
  { personalFields: ['justificationAboveDdd'] },
);
export type MedicationRecorded = EventOf<typeof medicationRecorded>;

export function decideRecordMedicationInUse(command: RecordMedicationInUse, state: CourseState, context: DecisionContext): Decision<MedicationRecorded> {
  const calculation = calculateDdds(command, context.reference);
  if (calculation instanceof DomainError) return { ok: false, error: calculation };
  const same = state.medication.medications.values().find((m) => m.inUse && m.atc === command.atc);
  if (same) {
    return refuse('medication_already_in_use', `${same.substance} is already recorded as in use: change its dose instead`, { medicationId: same.medicationId });
  }
  const unjustified = refuseUnjustifiedDoseAboveDdd(calculation, command.justificationAboveDdd);
  if (unjustified) return { ok: false, error: unjustified };
  const { atc, frequency, formulation, rounding, justificationAboveDdd } = command;
  return accept({
    type: 'MedicationRecorded',
    data: {
      occurredAt: occurredAtOf(command, context),
      medicationId: context.newId(),
      atc,
      substance: calculation.substance,
      dose: command.dose,
      unit: command.unit,
      frequency,
      formulation,
      rounding,
      dailyDose: calculation.dailyDose,
      ddds: calculation.ddds,
      ...(justificationAboveDdd ? { justificationAboveDdd } : {}),
    },
  });
}

export function evolveMedicationRecorded(medication: MedicationState, { data }: MedicationRecorded): MedicationState {
  const { medicationId, atc, substance, unit: doseUnit, frequency, formulation, rounding, dailyDose, ddds, occurredAt } = data;
  return {
    ...medication,
    medications: medication.medications.with(medicationId, {
      medicationId,
      atc,
      substance,
      dose: data.dose,
      unit: doseUnit,
      frequency,
      formulation,
      rounding,
      dailyDose,
      ddds,
      baselineDose: data.dose,
      inUse: true,
      recordedAt: occurredAt,
      stoppedAt: null,
      assessments: [],
    }),
  };
}
