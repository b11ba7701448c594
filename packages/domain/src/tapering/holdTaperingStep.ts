import { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { runningTaperingPlan } from './openTaperingPlan.js';
import { findStep, stepIndex, updateStep } from './taperingPlan.js';
import type { TaperingState, TaperingStepStatus } from './taperingState.js';

/**
 * Holding a step keeps the patient on its dose longer than planned: the hardest period may
 * come weeks after a reduction.
 */
export const holdReason = z.enum(['withdrawal_symptoms', 'worsening', 'life_event', 'patient_wish', 'other']);

export const holdTaperingStepCommand = courseCommand('HoldTaperingStep', 'Hold the step in progress: stay on its dose until resumed', {
  planId: uuid,
  stepIndex,
  reason: holdReason,
  note: personalText.optional(),
});
export type HoldTaperingStep = z.infer<typeof holdTaperingStepCommand>;

export const resumeTaperingStepCommand = courseCommand('ResumeTaperingStep', 'Resume a held step, so it can be completed', {
  planId: uuid,
  stepIndex,
  note: personalText.optional(),
});
export type ResumeTaperingStep = z.infer<typeof resumeTaperingStepCommand>;

export const taperingStepHeld = defineEvent(
  'TaperingStepHeld',
  { planId: uuid, stepIndex, reason: holdReason, note: personalText.optional() },
  { personalFields: ['note'] },
);
export type TaperingStepHeld = EventOf<typeof taperingStepHeld>;

export const taperingStepResumed = defineEvent('TaperingStepResumed', { planId: uuid, stepIndex, note: personalText.optional() }, { personalFields: ['note'] });
export type TaperingStepResumed = EventOf<typeof taperingStepResumed>;

/** The step of a running plan a hold or resume acts on, which must be in the expected status. */
function stepToToggle(state: CourseState, planId: string, index: number, expected: TaperingStepStatus): DomainError | { planId: string; stepIndex: number } {
  const plan = runningTaperingPlan(state.tapering, planId);
  if (plan instanceof DomainError) return plan;
  const step = findStep(plan, index);
  if (step instanceof DomainError) return step;
  if (step.status === expected) return { planId, stepIndex: index };
  if (expected === 'held') return new DomainError('tapering_step_not_held', `Step ${index} is not held`, { stepIndex: index, status: step.status });
  if (step.status === 'held') return new DomainError('tapering_step_already_held', `Step ${index} is already held`, { stepIndex: index });
  return new DomainError('tapering_step_not_started', `Step ${index} is not in progress`, { stepIndex: index, status: step.status });
}

export function decideHoldTaperingStep(command: HoldTaperingStep, state: CourseState, context: DecisionContext): Decision<TaperingStepHeld> {
  const target = stepToToggle(state, command.planId, command.stepIndex, 'started');
  if (target instanceof DomainError) return { ok: false, error: target };
  const { note } = command;
  return accept({ type: 'TaperingStepHeld', data: { occurredAt: occurredAtOf(command, context), ...target, reason: command.reason, ...(note ? { note } : {}) } });
}

export function decideResumeTaperingStep(command: ResumeTaperingStep, state: CourseState, context: DecisionContext): Decision<TaperingStepResumed> {
  const target = stepToToggle(state, command.planId, command.stepIndex, 'held');
  if (target instanceof DomainError) return { ok: false, error: target };
  const { note } = command;
  return accept({ type: 'TaperingStepResumed', data: { occurredAt: occurredAtOf(command, context), ...target, ...(note ? { note } : {}) } });
}

export function evolveTaperingStepHeld(tapering: TaperingState, { data }: TaperingStepHeld): TaperingState {
  return updateStep(tapering, data.planId, data.stepIndex, (step) => ({ ...step, status: 'held', hold: { reason: data.reason, since: data.occurredAt } }));
}

export function evolveTaperingStepResumed(tapering: TaperingState, { data }: TaperingStepResumed): TaperingState {
  return updateStep(tapering, data.planId, data.stepIndex, (step) => ({ ...step, status: 'started', hold: null }));
}
