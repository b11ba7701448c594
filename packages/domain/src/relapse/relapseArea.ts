import type { CourseArea } from '../course/courseArea.js';
import { decideRecordRelapse, evolveRelapseRecorded, recordRelapseCommand, relapseRecorded, type RecordRelapse, type RelapseRecorded } from './recordRelapse.js';

/** Relapses, each linked to the tapering step current when it happened. */
export const relapseArea: CourseArea<RecordRelapse, RelapseRecorded> = {
  name: 'relapse',
  commands: [recordRelapseCommand],
  events: [relapseRecorded],
  retractable: [relapseRecorded.type],
  decide: (command, state, context) => decideRecordRelapse(command, state, context),
  evolve: (state, event) => ({ ...state, relapse: evolveRelapseRecorded(state.relapse, event) }),
};
