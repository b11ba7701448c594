import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { currentTaperingSteps, taperingStepLinkSchema } from '../tapering/taperingStepLink.js';
import type { ObservationState } from './observationState.js';

const rater = z.enum(['patient', 'clinician']);
const symptoms = z.array(z.object({ symptom: code, severity: z.number().int().min(0).max(3) })).min(1).max(100);

export const recordWithdrawalSymptomsCommand = courseCommand('RecordWithdrawalSymptoms', 'Record withdrawal symptoms, rated by the patient or a clinician; linked to the current tapering step', {
  rater,
  symptoms,
  note: personalText.optional(),
});
export type RecordWithdrawalSymptoms = z.infer<typeof recordWithdrawalSymptomsCommand>;

export const withdrawalSymptomsRecorded = defineEvent(
  'WithdrawalSymptomsRecorded',
  {
    entryId: uuid,
    rater,
    symptoms,
    /** Sum of the severities, so readers compare ratings without recomputing. */
    total: z.number().int().nonnegative(),
    taperingSteps: z.array(taperingStepLinkSchema),
    note: personalText.optional(),
  },
  { personalFields: ['note'] },
);
export type WithdrawalSymptomsRecorded = EventOf<typeof withdrawalSymptomsRecorded>;

export function decideRecordWithdrawalSymptoms(command: RecordWithdrawalSymptoms, state: CourseState, context: DecisionContext): Decision<WithdrawalSymptomsRecorded> {
  const repeated = command.symptoms.find(({ symptom }, i) => command.symptoms.findIndex((s) => s.symptom === symptom) !== i);
  if (repeated) return refuse('duplicate_symptom', `${repeated.symptom} is rated twice`, { symptom: repeated.symptom });
  const { note } = command;
  return accept({
    type: 'WithdrawalSymptomsRecorded',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: context.newId(),
      rater: command.rater,
      symptoms: command.symptoms,
      total: command.symptoms.reduce((sum, { severity }) => sum + severity, 0),
      taperingSteps: currentTaperingSteps(state),
      ...(note ? { note } : {}),
    },
  });
}

export function evolveWithdrawalSymptomsRecorded(observation: ObservationState, { data }: WithdrawalSymptomsRecorded): ObservationState {
  const { entryId, occurredAt, rater: ratedBy, total, taperingSteps } = data;
  return { ...observation, withdrawalSymptoms: [...observation.withdrawalSymptoms, { entryId, occurredAt, rater: ratedBy, total, taperingSteps }] };
}
