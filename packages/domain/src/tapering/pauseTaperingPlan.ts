import { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { openTaperingPlan } from './openTaperingPlan.js';
import { updatePlan } from './taperingPlan.js';
import type { TaperingPlanStatus, TaperingState } from './taperingState.js';

/** Pausing stops the whole plan (no step starts, completes or is held) while the patient stays on the current dose. */
export const pauseTaperingPlanCommand = courseCommand('PauseTaperingPlan', 'Pause a tapering plan: no step moves until it is resumed', {
  planId: uuid,
  note: personalText.optional(),
});
export type PauseTaperingPlan = z.infer<typeof pauseTaperingPlanCommand>;

export const resumeTaperingPlanCommand = courseCommand('ResumeTaperingPlan', 'Resume a paused tapering plan', {
  planId: uuid,
  note: personalText.optional(),
});
export type ResumeTaperingPlan = z.infer<typeof resumeTaperingPlanCommand>;

export const taperingPlanPaused = defineEvent('TaperingPlanPaused', { planId: uuid, note: personalText.optional() }, { personalFields: ['note'] });
export type TaperingPlanPaused = EventOf<typeof taperingPlanPaused>;

export const taperingPlanResumed = defineEvent('TaperingPlanResumed', { planId: uuid, note: personalText.optional() }, { personalFields: ['note'] });
export type TaperingPlanResumed = EventOf<typeof taperingPlanResumed>;

/** The plan in force, in the status the command moves it from. */
function planIn(state: CourseState, planId: string, from: TaperingPlanStatus, code: string, message: string): DomainError | { planId: string } {
  const plan = openTaperingPlan(state.tapering, planId);
  if (plan instanceof DomainError) return plan;
  return plan.status === from ? { planId } : new DomainError(code, message, { planId });
}

export function decidePauseTaperingPlan(command: PauseTaperingPlan, state: CourseState, context: DecisionContext): Decision<TaperingPlanPaused> {
  const plan = planIn(state, command.planId, 'active', 'tapering_plan_already_paused', 'The tapering plan is already paused');
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const { note } = command;
  return accept({ type: 'TaperingPlanPaused', data: { occurredAt: occurredAtOf(command, context), ...plan, ...(note ? { note } : {}) } });
}

export function decideResumeTaperingPlan(command: ResumeTaperingPlan, state: CourseState, context: DecisionContext): Decision<TaperingPlanResumed> {
  const plan = planIn(state, command.planId, 'paused', 'tapering_plan_not_paused', 'The tapering plan is not paused');
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const { note } = command;
  return accept({ type: 'TaperingPlanResumed', data: { occurredAt: occurredAtOf(command, context), ...plan, ...(note ? { note } : {}) } });
}

export function evolveTaperingPlanToggled(tapering: TaperingState, { type, data }: TaperingPlanPaused | TaperingPlanResumed): TaperingState {
  return updatePlan(tapering, data.planId, (plan) => ({ ...plan, status: type === 'TaperingPlanPaused' ? 'paused' : 'active' }));
}
