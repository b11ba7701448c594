import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { uuid } from '../kernel/primitives.js';
import { calendarDaysBetween } from '../kernel/calendarDays.js';
import { compareInstants, occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { runningTaperingPlan } from './openTaperingPlan.js';
import { findStep, stepIndex, updateStep } from './taperingPlan.js';
import type { TaperingState, TaperingStep } from './taperingState.js';

/**
 * How a step ended. Completing early is the patient's call, so it is never refused:
 * it is flagged (`completedBeforeMinimumHold`) for the clinician and for research.
 */
export const stepCompletionShape = {
  stepIndex,
  /** Calendar days on the step's dose. */
  heldDays: z.number().int().nonnegative(),
  completedBeforeMinimumHold: z.boolean(),
};
export const stepCompletionSchema = z.object(stepCompletionShape);
export type StepCompletion = z.infer<typeof stepCompletionSchema>;

export function stepCompletion(step: TaperingStep & { startedAt: string }, completedAt: string): StepCompletion {
  const heldDays = calendarDaysBetween(step.startedAt, completedAt);
  return { stepIndex: step.index, heldDays, completedBeforeMinimumHold: heldDays < step.minimumDaysToHold };
}

export function evolveStepCompletion(tapering: TaperingState, planId: string, completion: StepCompletion, completedAt: string): TaperingState {
  const { heldDays, completedBeforeMinimumHold } = completion;
  return updateStep(tapering, planId, completion.stepIndex, (step) => ({ ...step, status: 'completed', completedAt, heldDays, completedBeforeMinimumHold, hold: null }));
}

export const completeTaperingStepCommand = courseCommand('CompleteTaperingStep', 'Complete the step in progress; completing before the minimum hold is flagged, not refused', {
  planId: uuid,
  stepIndex,
});
export type CompleteTaperingStep = z.infer<typeof completeTaperingStepCommand>;

export const taperingStepCompleted = defineEvent('TaperingStepCompleted', { planId: uuid, ...stepCompletionShape });
export type TaperingStepCompleted = EventOf<typeof taperingStepCompleted>;

export function decideCompleteTaperingStep(command: CompleteTaperingStep, state: CourseState, context: DecisionContext): Decision<TaperingStepCompleted> {
  const plan = runningTaperingPlan(state.tapering, command.planId);
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const step = findStep(plan, command.stepIndex);
  if (step instanceof DomainError) return { ok: false, error: step };
  if (step.status === 'held') return refuse('tapering_step_held', `Step ${step.index} is held: resume it before completing it`, { stepIndex: step.index });
  const { startedAt } = step;
  if (step.status !== 'started' || startedAt === null) {
    return refuse('tapering_step_not_started', `Step ${step.index} is not in progress`, { stepIndex: step.index, status: step.status });
  }
  const occurredAt = occurredAtOf(command, context);
  if (compareInstants(occurredAt, startedAt) < 0) {
    return refuse('tapering_step_completed_before_start', 'A step cannot be completed before it started', { startedAt });
  }
  return accept({
    type: 'TaperingStepCompleted',
    data: { occurredAt, planId: plan.planId, ...stepCompletion({ ...step, startedAt }, occurredAt) },
  });
}
