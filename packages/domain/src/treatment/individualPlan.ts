import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, isoDate, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { standingEntries } from '../correction/standingEntries.js';
import type { IndividualPlanRecord, TreatmentState } from './treatmentState.js';

export const recordIndividualPlanCommand = courseCommand('RecordIndividualPlan', 'Record whether an individual plan exists, with its coordinator role and date', {
  exists: z.boolean(),
  /** The coordinator's role, e.g. `nurse` or `psychologist`: a role, never a name. */
  coordinatorRole: code.optional(),
  establishedOn: isoDate.optional(),
});
export type RecordIndividualPlan = z.infer<typeof recordIndividualPlanCommand>;

export const individualPlanRecorded = defineEvent('IndividualPlanRecorded', {
  entryId: uuid,
  exists: z.boolean(),
  coordinatorRole: code.nullable(),
  establishedOn: isoDate.nullable(),
});
export type IndividualPlanRecorded = EventOf<typeof individualPlanRecorded>;

export function decideRecordIndividualPlan(command: RecordIndividualPlan, context: DecisionContext): Decision<IndividualPlanRecorded> {
  const coordinatorRole = command.coordinatorRole ?? null;
  const establishedOn = command.establishedOn ?? null;
  if (!command.exists && (coordinatorRole !== null || establishedOn !== null)) {
    return refuse('individual_plan_details_without_plan', 'A coordinator or date was given for an individual plan that does not exist');
  }
  return accept({
    type: 'IndividualPlanRecorded',
    data: { occurredAt: occurredAtOf(command, context), entryId: context.newId(), exists: command.exists, coordinatorRole, establishedOn },
  });
}

export function evolveIndividualPlanRecorded(treatment: TreatmentState, { data }: IndividualPlanRecorded): TreatmentState {
  const { entryId, exists, coordinatorRole, establishedOn, occurredAt: recordedAt } = data;
  return { ...treatment, individualPlan: [...treatment.individualPlan, { entryId, exists, coordinatorRole, establishedOn, recordedAt }] };
}

/** The current individual plan record: the newest one not entered in error, or null. */
export function currentIndividualPlan(state: CourseState): IndividualPlanRecord | null {
  return standingEntries(state.treatment.individualPlan, state.entries).at(-1) ?? null;
}
