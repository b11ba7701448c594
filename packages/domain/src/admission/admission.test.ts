import { testId } from '../testing/testContext.js';
import { admittedAt, admittedCourse, course, courseId, courseStarted, patientAdmitted, patientDischarged, patientId, unitId } from '../testing/courseFixtures.js';

const admit = {
  type: 'AdmitPatient',
  patientId,
  unitId,
  setting: 'earmarked_bed',
  legalStatus: 'voluntary',
  occurredAt: '2025-03-01T10:00:00.000Z',
} as const;

describe('AdmitPatient', () => {
  test('the first admission starts the course, with the course id derived from patient and unit', () => {
    const state = course.given().when(admit).then(
      { type: 'CourseStarted', data: { occurredAt: admit.occurredAt, courseId, patientId, unitId } },
      {
        type: 'PatientAdmitted',
        data: { occurredAt: admit.occurredAt, admissionId: testId(1), setting: 'earmarked_bed', legalStatus: 'voluntary', readmission: false },
      },
    );
    expect(state.course).toEqual({ courseId, patientId, unitId });
    expect(state.admission.current).toEqual({ admissionId: testId(1), setting: 'earmarked_bed', admittedAt: admit.occurredAt });
  });

  test('without occurredAt the admission happens now; the referral is kept for the link to intake', () => {
    const referralId = 'b0000000-0000-4000-8000-000000000009';
    const { occurredAt: _omitted, ...now } = admit;
    course.given().when({ ...now, referralId, legalStatus: 'involuntary_lifted_before_transfer' }).then(
      { type: 'CourseStarted', data: { occurredAt: '2025-03-03T09:00:00.000Z', courseId, patientId, unitId } },
      {
        type: 'PatientAdmitted',
        data: {
          occurredAt: '2025-03-03T09:00:00.000Z', admissionId: testId(1), setting: 'earmarked_bed',
          legalStatus: 'involuntary_lifted_before_transfer', referralId, readmission: false,
        },
      },
    );
  });

  test('an admission after a discharge is a readmission, without a second CourseStarted', () => {
    const state = course
      .given(...admittedCourse(), patientDischarged('2025-02-01T10:00:00.000Z'))
      .when({ ...admit, setting: 'day_place' })
      .then({
        type: 'PatientAdmitted',
        data: { occurredAt: admit.occurredAt, admissionId: testId(1), setting: 'day_place', legalStatus: 'voluntary', readmission: true },
      });
    expect(state.admission.history.map((a) => [a.readmission, a.dischargedAt])).toEqual([
      [false, '2025-02-01T10:00:00.000Z'],
      [true, null],
    ]);
  });

  test('refused while the patient is admitted at the unit', () => {
    course.given(...admittedCourse()).when(admit).thenRefused('already_admitted', { admittedAt });
  });

  test('refused under involuntary care still in force (TPH or TUD)', () => {
    course.given().when({ ...admit, legalStatus: 'involuntary_tph' }).thenRefused('involuntary_care_in_force');
    course.given().when({ ...admit, legalStatus: 'involuntary_tud' }).thenRefused('involuntary_care_in_force');
  });

  test('refused for a unit not in the reference data', () => {
    course.given().when({ ...admit, unitId: 'nowhere' }).thenRefused('unknown_unit', { unitId: 'nowhere' });
  });

  test('refused when dated before the last discharge', () => {
    course
      .given(...admittedCourse(), patientDischarged('2025-02-01T10:00:00.000Z'))
      .when({ ...admit, occurredAt: '2025-01-31T10:00:00.000Z' })
      .thenRefused('admission_before_last_discharge');
  });

  test('refused when the patient and unit are not this stream\'s course', () => {
    course.given(courseStarted(), patientAdmitted()).when({ ...admit, unitId: 'vegsund-dps' }).thenRefused('course_mismatch');
  });

  test('refused when dated more than five minutes ahead of now', () => {
    course.given().when({ ...admit, occurredAt: '2025-03-03T09:05:01.000Z' }).thenRefused('occurred_in_future');
    course.given().when({ ...admit, occurredAt: '2025-03-03T09:05:00.000Z' }).then(
      courseStarted('2025-03-03T09:05:00.000Z'),
      patientAdmitted('2025-03-03T09:05:00.000Z', { admissionId: testId(1) }),
    );
  });
});
