import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { correctionReason } from './correctionReason.js';

export const markEnteredInErrorCommand = courseCommand('MarkEnteredInError', 'Mark a clinical entry as entered in error; it stays in the history, flagged', {
  entryId: uuid,
  reason: correctionReason,
  note: personalText.optional(),
});
export type MarkEnteredInError = z.infer<typeof markEnteredInErrorCommand>;

export const entryMarkedEnteredInError = defineEvent(
  'EntryMarkedEnteredInError',
  {
    entryId: uuid,
    /** The retracted event's type, so projections know what to strike without a lookup. */
    entryType: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
    reason: correctionReason,
    note: personalText.optional(),
  },
  { personalFields: ['note'] },
);
export type EntryMarkedEnteredInError = EventOf<typeof entryMarkedEnteredInError>;

export function decideMarkEnteredInError(command: MarkEnteredInError, state: CourseState, context: DecisionContext): Decision<EntryMarkedEnteredInError> {
  const entry = state.entries.get(command.entryId);
  if (!entry) return refuse('entry_not_found', 'No correctable entry with this id in the course', { entryId: command.entryId });
  if (entry.retracted) return refuse('entry_already_retracted', 'The entry is already marked entered in error', { entryId: command.entryId });
  if (command.reason === 'other' && command.note === undefined) {
    return refuse('correction_note_required', 'A correction for another reason needs a note saying why');
  }
  return accept({
    type: 'EntryMarkedEnteredInError',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: command.entryId,
      entryType: entry.type,
      reason: command.reason,
      ...(command.note ? { note: command.note } : {}),
    },
  });
}

export function evolveEntryMarkedEnteredInError(state: CourseState, { data }: EntryMarkedEnteredInError): CourseState {
  return state.entries.get(data.entryId) ? { ...state, entries: state.entries.retract(data.entryId) } : state;
}
