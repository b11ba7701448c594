import { testId } from '../testing/testContext.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import { currentPlanVersion, type CrisisPlanVersionRecorded } from './versionedPlan.js';

const crisis = {
  type: 'RecordCrisisPlanVersion',
  courseId,
  content: 'Early signs: sleeping less than four hours. Call the unit; use the user-controlled bed.',
  patientAgreed: true,
  occurredAt: '2025-02-01T10:00:00.000Z',
} as const;

function crisisVersion(version: number, entryId: string): CrisisPlanVersionRecorded {
  return {
    type: 'CrisisPlanVersionRecorded',
    data: { occurredAt: '2025-01-20T10:00:00.000Z', entryId, version, content: 'Call the unit.', patientAgreed: true, agreedAt: '2025-01-20T10:00:00.000Z' },
  };
}

describe('RecordCrisisPlanVersion and RecordCopingPlanVersion', () => {
  test('the first version is number 1, agreed at the time it was recorded unless told otherwise', () => {
    const state = course.given(...admittedCourse()).when(crisis).then({
      type: 'CrisisPlanVersionRecorded',
      data: { occurredAt: crisis.occurredAt, entryId: testId(1), version: 1, content: crisis.content, patientAgreed: true, agreedAt: crisis.occurredAt },
    });
    expect(currentPlanVersion(state, 'crisisPlan')).toMatchObject({ version: 1, patientAgreed: true });
    expect(currentPlanVersion(state, 'copingPlan')).toBeNull();
  });

  test('versions increase and numbers are never reused, also after a retraction', () => {
    const entry = 'c0000000-0000-4000-8000-000000000001';
    const state = course
      .given(...admittedCourse(), crisisVersion(1, entry), {
        type: 'EntryMarkedEnteredInError',
        data: { occurredAt: '2025-01-21T10:00:00.000Z', entryId: entry, entryType: 'CrisisPlanVersionRecorded', reason: 'wrong_patient' },
      })
      .when({ ...crisis, patientAgreed: false })
      .then({
        type: 'CrisisPlanVersionRecorded',
        data: { occurredAt: crisis.occurredAt, entryId: testId(1), version: 2, content: crisis.content, patientAgreed: false, agreedAt: null },
      });
    expect(currentPlanVersion(state, 'crisisPlan')).toMatchObject({ version: 2, patientAgreed: false });
  });

  test('the coping plan is versioned on its own', () => {
    course
      .given(...admittedCourse(), crisisVersion(1, 'c0000000-0000-4000-8000-000000000001'))
      .when({ type: 'RecordCopingPlanVersion', courseId, content: 'Walk every morning.', patientAgreed: true, agreedAt: '2025-01-30T10:00:00.000Z', occurredAt: crisis.occurredAt })
      .then({
        type: 'CopingPlanVersionRecorded',
        data: { occurredAt: crisis.occurredAt, entryId: testId(1), version: 1, content: 'Walk every morning.', patientAgreed: true, agreedAt: '2025-01-30T10:00:00.000Z' },
      });
  });

  test('refused without content', () => {
    course.given(...admittedCourse()).when({ ...crisis, content: '   ' }).thenRefused('plan_content_missing');
    course.given(...admittedCourse()).when({ ...crisis, type: 'RecordCopingPlanVersion', content: '' }).thenRefused('plan_content_missing');
  });

  test('refused with an agreement time but no agreement, or an agreement after the recording', () => {
    course.given(...admittedCourse()).when({ ...crisis, patientAgreed: false, agreedAt: crisis.occurredAt }).thenRefused('agreement_time_without_agreement');
    course.given(...admittedCourse()).when({ ...crisis, agreedAt: '2025-02-02T10:00:00.000Z' }).thenRefused('agreed_after_recorded');
  });
});
