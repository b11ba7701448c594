import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { medicationInUse } from '../medication/medicationInUse.js';
import { refuseUnagreedPlan } from './createTaperingPlan.js';
import { openTaperingPlan } from './openTaperingPlan.js';
import { generateSchedule, plannedStepSchema } from './scheduleGenerator.js';
import { parametersFor, scheduleParametersSchema, scheduleRequestSchema } from './scheduleParameters.js';
import { doseBefore, latestBegunStep, plannedStep, stepIndex, updatePlan } from './taperingPlan.js';
import type { TaperingState } from './taperingState.js';

export const reviseTaperingPlanCommand = courseCommand('ReviseTaperingPlan', 'Revise a tapering plan from a step on, with a new schedule agreed with the patient (a new plan version)', {
  planId: uuid,
  /** Steps from this index on are replaced; it must come after every begun step. */
  fromStepIndex: stepIndex,
  /** Starts from the target dose of the step before (or the baseline). */
  schedule: scheduleRequestSchema,
  agreedWithPatient: z.boolean(),
  note: personalText.optional(),
});
export type ReviseTaperingPlan = z.infer<typeof reviseTaperingPlanCommand>;

export const taperingPlanRevised = defineEvent(
  'TaperingPlanRevised',
  {
    planId: uuid,
    medicationId: uuid,
    version: z.number().int().min(2),
    fromStepIndex: stepIndex,
    parameters: scheduleParametersSchema,
    /** The new steps, numbered from `fromStepIndex`; earlier steps are kept as they were. */
    steps: z.array(plannedStepSchema).min(1),
    note: personalText.optional(),
  },
  { personalFields: ['note'] },
);
export type TaperingPlanRevised = EventOf<typeof taperingPlanRevised>;

export function decideReviseTaperingPlan(command: ReviseTaperingPlan, state: CourseState, context: DecisionContext): Decision<TaperingPlanRevised> {
  const unagreed = refuseUnagreedPlan(command.agreedWithPatient);
  if (unagreed) return { ok: false, error: unagreed };
  const plan = openTaperingPlan(state.tapering, command.planId);
  if (plan instanceof DomainError) return { ok: false, error: plan };
  const medication = medicationInUse(state.medication, plan.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const { fromStepIndex } = command;
  const lastBegun = latestBegunStep(plan);
  if (lastBegun && fromStepIndex <= lastBegun.index) {
    return refuse('cannot_revise_completed_steps', `Steps up to ${lastBegun.index} have begun; revise from a later step`, {
      fromStepIndex,
      lastBegunStepIndex: lastBegun.index,
    });
  }
  if (fromStepIndex > plan.steps.length + 1) {
    return refuse('tapering_step_not_found', `The plan has ${plan.steps.length} steps; a revision may start at step ${plan.steps.length + 1} at the latest`, { fromStepIndex });
  }
  const schedule = generateSchedule(parametersFor(command.schedule, doseBefore(plan, fromStepIndex), medication.rounding));
  if (schedule instanceof DomainError) return { ok: false, error: schedule };
  const { note } = command;
  return accept({
    type: 'TaperingPlanRevised',
    data: {
      occurredAt: occurredAtOf(command, context),
      planId: plan.planId,
      medicationId: plan.medicationId,
      version: plan.version + 1,
      fromStepIndex,
      parameters: schedule.parameters,
      steps: schedule.steps.map((step) => ({ ...step, index: step.index + fromStepIndex - 1 })),
      ...(note ? { note } : {}),
    },
  });
}

export function evolveTaperingPlanRevised(tapering: TaperingState, { data }: TaperingPlanRevised): TaperingState {
  return updatePlan(tapering, data.planId, (plan) => ({
    ...plan,
    version: data.version,
    parameters: data.parameters,
    steps: [...plan.steps.filter((step) => step.index < data.fromStepIndex), ...data.steps.map(plannedStep)],
  }));
}
