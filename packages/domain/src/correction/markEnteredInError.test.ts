import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import type { TreatmentActivityRecorded } from '../treatment/treatmentActivity.js';
import { standingEntries } from './standingEntries.js';

const entryId = 'c0000000-0000-4000-8000-000000000001';
const activity: TreatmentActivityRecorded = {
  type: 'TreatmentActivityRecorded',
  data: { occurredAt: '2025-02-03T12:00:00.000Z', entryId, method: 'mindfulness', format: 'group', date: '2025-02-03', durationMinutes: 60 },
};
const retraction = {
  type: 'EntryMarkedEnteredInError',
  data: { occurredAt: '2025-03-03T09:00:00.000Z', entryId, entryType: 'TreatmentActivityRecorded', reason: 'duplicate' },
} as const;
const mark = { type: 'MarkEnteredInError', courseId, entryId, reason: 'duplicate' } as const;

describe('MarkEnteredInError', () => {
  test('flags the entry as retracted; it stays in history and in state', () => {
    const state = course.given(...admittedCourse(), activity).when(mark).then(retraction);
    expect(state.entries.get(entryId)).toEqual({ type: 'TreatmentActivityRecorded', retracted: true });
    expect(state.treatment.activities).toHaveLength(1);
    expect(standingEntries(state.treatment.activities, state.entries)).toEqual([]);
  });

  test('another reason needs a note, which is personal text', () => {
    course.given(...admittedCourse(), activity).when({ ...mark, reason: 'other' }).thenRefused('correction_note_required');
    course
      .given(...admittedCourse(), activity)
      .when({ ...mark, reason: 'other', note: 'Recorded in the wrong week.' })
      .then({ type: 'EntryMarkedEnteredInError', data: { ...retraction.data, reason: 'other', note: 'Recorded in the wrong week.' } });
  });

  test('refused for an id that is no correctable entry of the course', () => {
    course.given(...admittedCourse()).when(mark).thenRefused('entry_not_found', { entryId });
  });

  test('refused for an entry already retracted', () => {
    course.given(...admittedCourse(), activity, retraction).when(mark).thenRefused('entry_already_retracted');
  });
});
