import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { doseChangeSchema, planDoseChange } from '../medication/doseChange.js';
import { medicationInUse } from '../medication/medicationInUse.js';
import { openTaperingPlan } from './openTaperingPlan.js';
import { doseBefore, findStep, latestBegunStep, stepIndex, updateStep } from './taperingPlan.js';
import type { TaperingState } from './taperingState.js';

export const reversalReason = z.enum(['withdrawal_symptoms', 'worsening', 'patient_wish', 'other']);

export const reverseTaperingStepCommand = courseCommand('ReverseTaperingStep', 'Go back from the latest step to the last tolerated dose (the previous step\'s, or the baseline)', {
  planId: uuid,
  stepIndex,
  reason: reversalReason,
  note: personalText.optional(),
});
export type ReverseTaperingStep = z.infer<typeof reverseTaperingStepCommand>;

export const taperingStepReversed = defineEvent(
  'TaperingStepReversed',
  { planId: uuid, stepIndex, reason: reversalReason, doseChange: doseChangeSchema, note: personalText.optional() },
  { personalFields: ['note'] },
);
export type TaperingStepReversed = EventOf<typeof taperingStepReversed>;

/**
 * Allowed while the plan is paused too: going back to a tolerated dose is never blocked.
 * Only the latest begun step can be reversed; reversing again goes one more step back.
 */
export function decideReverseTaperingStep(command: ReverseTaperingStep, state: CourseState, context: DecisionContext): Decision<TaperingStepReversed> {
  const plan = openTaperingPlan(state.tapering, command.planId);
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const medication = medicationInUse(state.medication, plan.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const step = findStep(plan, command.stepIndex);
  if (step instanceof DomainError) return { ok: false, error: step };
  const latest = latestBegunStep(plan);
  if (latest?.index !== step.index) {
    return refuse('tapering_step_not_reversible', 'Only the latest step begun can be reversed', { stepIndex: step.index, latestBegunStepIndex: latest?.index ?? null });
  }
  const planned = planDoseChange(medication, doseBefore(plan, step.index), context.reference);
  if (planned instanceof DomainError) return { ok: false, error: planned };
  const { note } = command;
  return accept({
    type: 'TaperingStepReversed',
    data: {
      occurredAt: occurredAtOf(command, context),
      planId: plan.planId,
      stepIndex: step.index,
      reason: command.reason,
      doseChange: planned.change,
      ...(note ? { note } : {}),
    },
  });
}

export function evolveTaperingStepReversed(tapering: TaperingState, { data }: TaperingStepReversed): TaperingState {
  return updateStep(tapering, data.planId, data.stepIndex, (step) => ({ ...step, status: 'reversed', hold: null, reversals: step.reversals + 1 }));
}
