import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { dose, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { openTaperingPlanOf } from '../tapering/openTaperingPlan.js';
import { medicationInUse } from './medicationInUse.js';

export const stopMedicationCommand = courseCommand('StopMedication', 'Record that a medication is no longer in use (outside a tapering plan)', {
  medicationId: uuid,
});
export type StopMedication = z.infer<typeof stopMedicationCommand>;

export const medicationStopped = defineEvent('MedicationStopped', { medicationId: uuid, previousDose: dose });
export type MedicationStopped = EventOf<typeof medicationStopped>;

export function decideStopMedication(command: StopMedication, state: CourseState, context: DecisionContext): Decision<MedicationStopped> {
  const medication = medicationInUse(state.medication, command.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  // The plan's own ending keeps plan and medication consistent (CompleteTaperingPlan stops it).
  const plan = openTaperingPlanOf(state.tapering, medication.medicationId);
  if (plan) {
    return refuse('tapering_plan_open', `${medication.substance} is being tapered: complete or end the tapering plan instead`, { planId: plan.planId });
  }
  return accept({
    type: 'MedicationStopped',
    data: { occurredAt: occurredAtOf(command, context), medicationId: medication.medicationId, previousDose: medication.dose },
  });
}
