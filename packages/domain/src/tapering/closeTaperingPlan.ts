import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { dose, personalText, positiveDose, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { medicationInUse } from '../medication/medicationInUse.js';
import type { MedicationRecord } from '../medication/medicationState.js';
import { evolveStepCompletion, stepCompletion, stepCompletionSchema } from './completeTaperingStep.js';
import { openTaperingPlan } from './openTaperingPlan.js';
import { stepInProgress, stepIndex, updatePlan } from './taperingPlan.js';
import type { TaperingPlan, TaperingPlanStatus, TaperingState } from './taperingState.js';

/**
 * A plan closes when the medication is stopped (completed) or when the patient chooses to
 * keep a dose (ended at dose). Either may happen at any point: the patient decides. A step
 * in progress is completed by the closing; steps never begun are recorded as skipped.
 */
const closingShape = {
  planId: uuid,
  medicationId: uuid,
  completedStep: stepCompletionSchema.nullable(),
  skippedStepIndices: z.array(stepIndex),
  note: personalText.optional(),
};

export const completeTaperingPlanCommand = courseCommand('CompleteTaperingPlan', 'Complete a tapering plan: the medication is stopped (dose 0, no longer in use)', {
  planId: uuid,
  note: personalText.optional(),
});
export type CompleteTaperingPlan = z.infer<typeof completeTaperingPlanCommand>;

export const endTaperingPlanAtDoseCommand = courseCommand('EndTaperingPlanAtDose', 'End a tapering plan at the current dose, which the patient chooses to keep', {
  planId: uuid,
  note: personalText.optional(),
});
export type EndTaperingPlanAtDose = z.infer<typeof endTaperingPlanAtDoseCommand>;

/** Stops the medication in the same stream: it is no longer in use from this event on. */
export const taperingPlanCompleted = defineEvent('TaperingPlanCompleted', { ...closingShape, previousDose: dose }, { personalFields: ['note'] });
export type TaperingPlanCompleted = EventOf<typeof taperingPlanCompleted>;

export const taperingPlanEndedAtDose = defineEvent('TaperingPlanEndedAtDose', { ...closingShape, keptDose: positiveDose }, { personalFields: ['note'] });
export type TaperingPlanEndedAtDose = EventOf<typeof taperingPlanEndedAtDose>;

type Closing = { plan: TaperingPlan; medication: MedicationRecord; data: z.infer<z.ZodObject<typeof closingShape>> & { occurredAt: string } };

function closing(command: CompleteTaperingPlan | EndTaperingPlanAtDose, state: CourseState, context: DecisionContext): Closing | DomainError {
  const plan = openTaperingPlan(state.tapering, command.planId);
  if (plan instanceof DomainError) return plan;
  const medication = medicationInUse(state.medication, plan.medicationId);
  if (medication instanceof DomainError) return medication;
  const occurredAt = occurredAtOf(command, context);
  const inProgress = stepInProgress(plan);
  const { note } = command;
  return {
    plan,
    medication,
    data: {
      occurredAt,
      planId: plan.planId,
      medicationId: plan.medicationId,
      completedStep: inProgress?.startedAt ? stepCompletion({ ...inProgress, startedAt: inProgress.startedAt }, occurredAt) : null,
      skippedStepIndices: plan.steps.filter((step) => step.status === 'planned' || step.status === 'reversed').map((step) => step.index),
      ...(note ? { note } : {}),
    },
  };
}

export function decideCompleteTaperingPlan(command: CompleteTaperingPlan, state: CourseState, context: DecisionContext): Decision<TaperingPlanCompleted> {
  const closed = closing(command, state, context);
  if (closed instanceof DomainError) return { ok: false, error: closed };
  return accept({ type: 'TaperingPlanCompleted', data: { ...closed.data, previousDose: closed.medication.dose } });
}

export function decideEndTaperingPlanAtDose(command: EndTaperingPlanAtDose, state: CourseState, context: DecisionContext): Decision<TaperingPlanEndedAtDose> {
  const closed = closing(command, state, context);
  if (closed instanceof DomainError) return { ok: false, error: closed };
  if (closed.medication.dose === 0) {
    return refuse('medication_at_zero_dose', 'The medication is at dose 0: complete the plan instead', { planId: closed.plan.planId });
  }
  return accept({ type: 'TaperingPlanEndedAtDose', data: { ...closed.data, keptDose: closed.medication.dose } });
}

export function evolveTaperingPlanClosed(tapering: TaperingState, { type, data }: TaperingPlanCompleted | TaperingPlanEndedAtDose): TaperingState {
  const status: TaperingPlanStatus = type === 'TaperingPlanCompleted' ? 'completed' : 'ended_at_dose';
  const completed = data.completedStep ? evolveStepCompletion(tapering, data.planId, data.completedStep, data.occurredAt) : tapering;
  const skipped = new Set(data.skippedStepIndices);
  return updatePlan(completed, data.planId, (plan) => ({
    ...plan,
    status,
    closedAt: data.occurredAt,
    keptDose: 'keptDose' in data ? data.keptDose : null,
    steps: plan.steps.map((step) => (skipped.has(step.index) ? { ...step, status: 'skipped' } : step)),
  }));
}
