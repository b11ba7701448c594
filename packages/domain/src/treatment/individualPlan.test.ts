import { testId } from '../testing/testContext.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import type { IndividualPlanRecorded } from './individualPlan.js';
import { currentIndividualPlan } from './individualPlan.js';

const record = { type: 'RecordIndividualPlan', courseId, exists: true, coordinatorRole: 'nurse', establishedOn: '2025-02-10' } as const;
const recorded = (entryId: string, exists: boolean): IndividualPlanRecorded => ({
  type: 'IndividualPlanRecorded',
  data: { occurredAt: '2025-02-10T12:00:00.000Z', entryId, exists, coordinatorRole: exists ? 'nurse' : null, establishedOn: exists ? '2025-02-10' : null },
});

describe('RecordIndividualPlan', () => {
  test('records that an individual plan exists, with the coordinator role and date', () => {
    const state = course.given(...admittedCourse()).when(record).then({
      type: 'IndividualPlanRecorded',
      data: { occurredAt: '2025-03-03T09:00:00.000Z', entryId: testId(1), exists: true, coordinatorRole: 'nurse', establishedOn: '2025-02-10' },
    });
    expect(currentIndividualPlan(state)).toMatchObject({ exists: true, coordinatorRole: 'nurse' });
  });

  test('records that no individual plan exists', () => {
    course.given(...admittedCourse()).when({ type: 'RecordIndividualPlan', courseId, exists: false }).then({
      type: 'IndividualPlanRecorded',
      data: { occurredAt: '2025-03-03T09:00:00.000Z', entryId: testId(1), exists: false, coordinatorRole: null, establishedOn: null },
    });
  });

  test('the current plan is the newest record not entered in error', () => {
    const first = 'c0000000-0000-4000-8000-000000000001';
    const second = 'c0000000-0000-4000-8000-000000000002';
    const state = course
      .given(...admittedCourse(), recorded(first, false), recorded(second, true))
      .when({ type: 'MarkEnteredInError', courseId, entryId: second, reason: 'wrong_patient' })
      .then({ type: 'EntryMarkedEnteredInError', data: { occurredAt: '2025-03-03T09:00:00.000Z', entryId: second, entryType: 'IndividualPlanRecorded', reason: 'wrong_patient' } });
    expect(currentIndividualPlan(state)).toMatchObject({ entryId: first, exists: false });
  });

  test('refused when details are given for a plan that does not exist', () => {
    course.given(...admittedCourse()).when({ ...record, exists: false }).thenRefused('individual_plan_details_without_plan');
  });
});
