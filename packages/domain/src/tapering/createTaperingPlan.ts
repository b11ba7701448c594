import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, positiveDose, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { medicationInUse } from '../medication/medicationInUse.js';
import { openTaperingPlanOf } from './openTaperingPlan.js';
import { generateSchedule, plannedStepSchema } from './scheduleGenerator.js';
import { parametersFor, scheduleParametersSchema, scheduleRequestSchema } from './scheduleParameters.js';
import { plannedStep } from './taperingPlan.js';
import type { TaperingState } from './taperingState.js';

/** A plan is a shared decision (samvalg): it exists only as agreed with the patient. */
export function refuseUnagreedPlan(agreedWithPatient: boolean): DomainError | null {
  return agreedWithPatient ? null : new DomainError('plan_not_agreed', 'A tapering plan is made together with the patient and needs their agreement');
}

export const createTaperingPlanCommand = courseCommand('CreateTaperingPlan', 'Create a tapering plan for a medication in use, agreed with the patient, from a linear, hyperbolic or explicit schedule', {
  medicationId: uuid,
  /** The schedule starts from the medication's current dose and uses its formulation's makeable doses. */
  schedule: scheduleRequestSchema,
  agreedWithPatient: z.boolean(),
  note: personalText.optional(),
});
export type CreateTaperingPlan = z.infer<typeof createTaperingPlanCommand>;

export const taperingPlanCreated = defineEvent(
  'TaperingPlanCreated',
  {
    planId: uuid,
    medicationId: uuid,
    version: z.literal(1),
    baselineDose: positiveDose,
    /** What the schedule was generated from, so a revision or a reader can see how it was made. */
    parameters: scheduleParametersSchema,
    steps: z.array(plannedStepSchema).min(1),
    note: personalText.optional(),
  },
  { personalFields: ['note'] },
);
export type TaperingPlanCreated = EventOf<typeof taperingPlanCreated>;

export function decideCreateTaperingPlan(command: CreateTaperingPlan, state: CourseState, context: DecisionContext): Decision<TaperingPlanCreated> {
  const unagreed = refuseUnagreedPlan(command.agreedWithPatient);
  if (unagreed) return { ok: false, error: unagreed };
  const medication = medicationInUse(state.medication, command.medicationId);
  if (medication instanceof DomainError) return { ok: false, error: medication };
  const existing = openTaperingPlanOf(state.tapering, medication.medicationId);
  if (existing) {
    return refuse('tapering_plan_already_open', `${medication.substance} already has a tapering plan in force: revise it instead`, { planId: existing.planId });
  }
  const schedule = generateSchedule(parametersFor(command.schedule, medication.dose, medication.rounding));
  if (schedule instanceof DomainError) return { ok: false, error: schedule };
  const { note } = command;
  return accept({
    type: 'TaperingPlanCreated',
    data: {
      occurredAt: occurredAtOf(command, context),
      planId: context.newId(),
      medicationId: medication.medicationId,
      version: 1,
      baselineDose: medication.dose,
      parameters: schedule.parameters,
      steps: [...schedule.steps],
      ...(note ? { note } : {}),
    },
  });
}

export function evolveTaperingPlanCreated(tapering: TaperingState, { data }: TaperingPlanCreated): TaperingState {
  const { planId, medicationId, version, baselineDose, parameters, steps, occurredAt } = data;
  return {
    ...tapering,
    plans: tapering.plans.with(planId, {
      planId,
      medicationId,
      version,
      status: 'active',
      baselineDose,
      parameters,
      steps: steps.map(plannedStep),
      createdAt: occurredAt,
      closedAt: null,
      keptDose: null,
    }),
  };
}
