import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, eventBase } from '../kernel/eventDefinition.js';
import { instant, personalText, uuid } from '../kernel/primitives.js';
import { compareInstants, occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { standingEntries } from '../correction/standingEntries.js';
import type { PlanVersion, TreatmentState } from './treatmentState.js';

const planVersionShape = {
  entryId: uuid,
  /** Assigned by the decider: 1, 2, ... per plan, never reused, also when a version is retracted. */
  version: z.number().int().positive(),
  content: personalText,
  patientAgreed: z.boolean(),
  agreedAt: instant.nullable(),
};
export type PlanVersionRecordedData = z.infer<ReturnType<typeof eventBase.extend<typeof planVersionShape>>>;

/**
 * A plan made with the patient that changes over time (crisis plan, coping plan): each
 * recording is a new numbered version, so earlier versions stay readable.
 */
function versionedPlan<CommandType extends string, EventType extends string>(
  slice: 'crisisPlan' | 'copingPlan',
  commandType: CommandType,
  eventType: EventType,
  summary: string,
) {
  const command = courseCommand(commandType, summary, {
    // Checked by the decider rather than the schema, so a blank plan gets a domain refusal, not a validation error.
    content: z.string().max(10000),
    patientAgreed: z.boolean(),
    /** When the patient agreed; defaults to the clinical time of the command. */
    agreedAt: instant.optional(),
  });
  type Command = z.infer<typeof command>;
  type Event = { type: EventType; data: PlanVersionRecordedData };
  const event = defineEvent(eventType, planVersionShape, { personalFields: ['content'] });

  function decide(cmd: Command, state: CourseState, context: DecisionContext): Decision<Event> {
    const content = cmd.content.trim();
    if (content === '') return refuse('plan_content_missing', `A ${slice} version needs content`);
    const occurredAt = occurredAtOf(cmd, context);
    if (!cmd.patientAgreed && cmd.agreedAt !== undefined) {
      return refuse('agreement_time_without_agreement', 'agreedAt was given, but the patient did not agree');
    }
    if (cmd.agreedAt !== undefined && compareInstants(cmd.agreedAt, occurredAt) > 0) {
      return refuse('agreed_after_recorded', 'The patient cannot have agreed after the version was recorded', { agreedAt: cmd.agreedAt, occurredAt });
    }
    const agreedAt = cmd.patientAgreed ? (cmd.agreedAt ?? occurredAt) : null;
    return accept({
      type: eventType,
      data: { occurredAt, entryId: context.newId(), version: state.treatment[slice].length + 1, content, patientAgreed: cmd.patientAgreed, agreedAt },
    });
  }

  function evolve(treatment: TreatmentState, { data }: Event): TreatmentState {
    const { entryId, version, patientAgreed, agreedAt, occurredAt: recordedAt } = data;
    return { ...treatment, [slice]: [...treatment[slice], { entryId, version, patientAgreed, agreedAt, recordedAt }] };
  }

  return { command, event, decide, evolve };
}

export const crisisPlan = versionedPlan('crisisPlan', 'RecordCrisisPlanVersion', 'CrisisPlanVersionRecorded', 'Record a new version of the crisis plan (kriseplan) made with the patient');
export const copingPlan = versionedPlan('copingPlan', 'RecordCopingPlanVersion', 'CopingPlanVersionRecorded', 'Record a new version of the coping plan (mestringsplan) made with the patient');

export type RecordCrisisPlanVersion = z.infer<typeof crisisPlan.command>;
export type RecordCopingPlanVersion = z.infer<typeof copingPlan.command>;
export type CrisisPlanVersionRecorded = { type: 'CrisisPlanVersionRecorded'; data: PlanVersionRecordedData };
export type CopingPlanVersionRecorded = { type: 'CopingPlanVersionRecorded'; data: PlanVersionRecordedData };

/** The plan in force: its newest version that was not entered in error, or null. */
export function currentPlanVersion(state: CourseState, slice: 'crisisPlan' | 'copingPlan'): PlanVersion | null {
  return standingEntries(state.treatment[slice], state.entries).at(-1) ?? null;
}
