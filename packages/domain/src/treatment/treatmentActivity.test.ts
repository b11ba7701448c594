import { testId } from '../testing/testContext.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';

const record = {
  type: 'RecordTreatmentActivity',
  courseId,
  method: 'istdp',
  format: 'individual',
  date: '2025-03-03',
  durationMinutes: 50,
  note: 'Worked on grief after the father\'s death.',
  occurredAt: '2025-03-03T08:00:00.000Z',
} as const;

describe('RecordTreatmentActivity', () => {
  test('records a session of a reference treatment method as a correctable entry', () => {
    const { type: _type, courseId: _courseId, ...fields } = record;
    const state = course.given(...admittedCourse()).when(record).then({ type: 'TreatmentActivityRecorded', data: { ...fields, entryId: testId(1) } });
    expect(state.treatment.activities).toEqual([{ entryId: testId(1), method: 'istdp', format: 'individual', date: '2025-03-03', durationMinutes: 50 }]);
    expect(state.entries.get(testId(1))).toEqual({ type: 'TreatmentActivityRecorded', retracted: false });
  });

  test('refused for a method not in the reference data', () => {
    course.given(...admittedCourse()).when({ ...record, method: 'bloodletting' }).thenRefused('unknown_treatment_method', { method: 'bloodletting' });
  });

  test('refused for a session dated after today in Norway', () => {
    course.given(...admittedCourse()).when({ ...record, date: '2025-03-04' }).thenRefused('activity_date_in_future');
  });

  test('refused before the course has started', () => {
    course.given().when(record).thenRefused('course_not_started');
  });
});
