import { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { currentTaperingSteps, taperingStepLinkSchema } from '../tapering/taperingStepLink.js';
import type { ObservationState } from './observationState.js';

/** 0 is the worst, 10 the best: a number every entry has, so experiences can be followed over time. */
const mood = z.number().int().min(0).max(10);

export const recordPatientExperienceCommand = courseCommand('RecordPatientExperience', 'The patient records how they are (mood 0-10) and, in their own words, how it is going', {
  mood,
  text: personalText.optional(),
});
export type RecordPatientExperience = z.infer<typeof recordPatientExperienceCommand>;

export const patientExperienceRecorded = defineEvent(
  'PatientExperienceRecorded',
  { entryId: uuid, mood, text: personalText.optional(), taperingSteps: z.array(taperingStepLinkSchema) },
  { personalFields: ['text'] },
);
export type PatientExperienceRecorded = EventOf<typeof patientExperienceRecorded>;

/** Patient-authored: the API lets patients call it for their own course; who wrote it is in the event metadata. */
export function decideRecordPatientExperience(command: RecordPatientExperience, state: CourseState, context: DecisionContext): Decision<PatientExperienceRecorded> {
  const { text } = command;
  return accept({
    type: 'PatientExperienceRecorded',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: context.newId(),
      mood: command.mood,
      ...(text ? { text } : {}),
      taperingSteps: currentTaperingSteps(state),
    },
  });
}

export function evolvePatientExperienceRecorded(observation: ObservationState, { data }: PatientExperienceRecorded): ObservationState {
  const { entryId, occurredAt, taperingSteps } = data;
  return { ...observation, experiences: [...observation.experiences, { entryId, occurredAt, mood: data.mood, taperingSteps }] };
}
