import type { CourseArea } from '../course/courseArea.js';
import {
  decideMarkEnteredInError, entryMarkedEnteredInError, evolveEntryMarkedEnteredInError, markEnteredInErrorCommand,
  type EntryMarkedEnteredInError, type MarkEnteredInError,
} from './markEnteredInError.js';

/** Corrections: any area's retractable entry (see `CourseArea.retractable`) may be marked entered in error. */
export const correctionArea: CourseArea<MarkEnteredInError, EntryMarkedEnteredInError> = {
  name: 'correction',
  commands: [markEnteredInErrorCommand],
  events: [entryMarkedEnteredInError],
  retractable: [],
  decide: (command, state, context) => decideMarkEnteredInError(command, state, context),
  evolve: (state, event) => evolveEntryMarkedEnteredInError(state, event),
};
