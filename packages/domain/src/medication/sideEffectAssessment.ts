import { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { medicationInUse, updateMedication } from './medicationInUse.js';
import type { MedicationState } from './medicationState.js';

/**
 * Side effects are one concept, recorded here for a medication (action point 5): an
 * assessment with a rating scale or clinically, which also restarts the monitoring clock.
 */
const method = z.enum(['uku', 'gass', 'clinical']);
/** An empty list is a valid finding: assessed, no side effects. */
const findings = z.array(z.object({ effect: code, severity: z.number().int().min(0).max(3) })).max(100);

export const recordSideEffectAssessmentCommand = courseCommand('RecordSideEffectAssessment', 'Record a side-effect assessment of a medication in use (UKU, GASS or clinical)', {
  medicationId: uuid,
  method,
  findings,
  note: personalText.optional(),
});
export type RecordSideEffectAssessment = z.infer<typeof recordSideEffectAssessmentCommand>;

export const sideEffectsAssessed = defineEvent(
  'SideEffectsAssessed',
  { entryId: uuid, medicationId: uuid, method, findings, note: personalText.optional() },
  { personalFields: ['note'] },
);
export type SideEffectsAssessed = EventOf<typeof sideEffectsAssessed>;

export function decideRecordSideEffectAssessment(command: RecordSideEffectAssessment, state: CourseState, context: DecisionContext): Decision<SideEffectsAssessed> {
  const medication = medicationInUse(state.medication, command.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const { note } = command;
  return accept({
    type: 'SideEffectsAssessed',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: context.newId(),
      medicationId: medication.medicationId,
      method: command.method,
      findings: command.findings,
      ...(note ? { note } : {}),
    },
  });
}

export function evolveSideEffectsAssessed(medication: MedicationState, { data }: SideEffectsAssessed): MedicationState {
  return updateMedication(medication, data.medicationId, (record) => ({
    ...record,
    assessments: [...record.assessments, { entryId: data.entryId, assessedAt: data.occurredAt }],
  }));
}
