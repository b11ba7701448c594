import { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { currentTaperingSteps, taperingStepLinkSchema } from '../tapering/taperingStepLink.js';
import { relapseKindSchema, relapseSeveritySchema } from './relapseKind.js';
import type { RelapseState } from './relapseState.js';

export const recordRelapseCommand = courseCommand('RecordRelapse', 'Record a relapse: a worsening that changed the care; linked to the tapering step current at the time', {
  kind: relapseKindSchema,
  severity: relapseSeveritySchema,
  note: personalText.optional(),
});
export type RecordRelapse = z.infer<typeof recordRelapseCommand>;

/**
 * `taperingSteps` is decided from the course state, not typed in: relapse after
 * discontinuation is what research on safe tapering needs to relate to the step taken.
 */
export const relapseRecorded = defineEvent(
  'RelapseRecorded',
  { entryId: uuid, kind: relapseKindSchema, severity: relapseSeveritySchema, taperingSteps: z.array(taperingStepLinkSchema), note: personalText.optional() },
  { personalFields: ['note'] },
);
export type RelapseRecorded = EventOf<typeof relapseRecorded>;

export function decideRecordRelapse(command: RecordRelapse, state: CourseState, context: DecisionContext): Decision<RelapseRecorded> {
  const { note } = command;
  return accept({
    type: 'RelapseRecorded',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: context.newId(),
      kind: command.kind,
      severity: command.severity,
      taperingSteps: currentTaperingSteps(state),
      ...(note ? { note } : {}),
    },
  });
}

export function evolveRelapseRecorded(relapse: RelapseState, { data }: RelapseRecorded): RelapseState {
  const { entryId, occurredAt, kind, severity, taperingSteps } = data;
  return { ...relapse, relapses: [...relapse.relapses, { entryId, occurredAt, kind, severity, taperingSteps }] };
}
