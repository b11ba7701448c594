import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { doseChangeSchema, planDoseChange } from '../medication/doseChange.js';
import { medicationInUse } from '../medication/medicationInUse.js';
import { runningTaperingPlan } from './openTaperingPlan.js';
import { findStep, nextStep, stepInProgress, stepIndex, updateStep } from './taperingPlan.js';
import type { TaperingState } from './taperingState.js';

export const startTaperingStepCommand = courseCommand('StartTaperingStep', 'Start the next step of a tapering plan: the medication goes to the step\'s target dose', {
  planId: uuid,
  /** Named explicitly so a repeated or stale request cannot start a step nobody meant. */
  stepIndex,
});
export type StartTaperingStep = z.infer<typeof startTaperingStepCommand>;

/** Carries the medication's new dose: the course is one stream, so the step and the dose change together. */
export const taperingStepStarted = defineEvent('TaperingStepStarted', { planId: uuid, stepIndex, doseChange: doseChangeSchema });
export type TaperingStepStarted = EventOf<typeof taperingStepStarted>;

export function decideStartTaperingStep(command: StartTaperingStep, state: CourseState, context: DecisionContext): Decision<TaperingStepStarted> {
  const plan = runningTaperingPlan(state.tapering, command.planId);
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const medication = medicationInUse(state.medication, plan.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const step = findStep(plan, command.stepIndex);
  if (step instanceof DomainError) return { ok: false, error: step };
  const inProgress = stepInProgress(plan);
  if (inProgress) {
    return refuse('tapering_step_in_progress', `Step ${inProgress.index} is still in progress: complete or reverse it first`, { stepInProgress: inProgress.index });
  }
  const next = nextStep(plan);
  if (next?.index !== step.index) {
    return refuse('tapering_step_out_of_order', next ? `The next step is step ${next.index}` : 'Every step of the plan is completed', {
      stepIndex: step.index,
      nextStepIndex: next?.index ?? null,
    });
  }
  const planned = planDoseChange(medication, step.targetDose, context.reference);
  if (planned instanceof DomainError) return { ok: false, error: planned };
  return accept({
    type: 'TaperingStepStarted',
    data: { occurredAt: occurredAtOf(command, context), planId: plan.planId, stepIndex: step.index, doseChange: planned.change },
  });
}

export function evolveTaperingStepStarted(tapering: TaperingState, { data }: TaperingStepStarted): TaperingState {
  return updateStep(tapering, data.planId, data.stepIndex, (step) => ({
    ...step,
    status: 'started',
    startedAt: data.occurredAt,
    completedAt: null,
    heldDays: null,
    completedBeforeMinimumHold: null,
    hold: null,
  }));
}
