import { admissionId, admittedCourse, course, courseId, patientDischarged } from '../testing/courseFixtures.js';

const discharge = {
  type: 'DischargePatient',
  courseId,
  summary: 'Stable after tapering olanzapine to 5 mg.',
  taperingAdviceForGp: 'Continue 10% reductions every four weeks; hold on withdrawal symptoms.',
  followUp: 'Outpatient follow-up at the DPS in two weeks.',
  occurredAt: '2025-02-01T10:00:00.000Z',
} as const;

describe('DischargePatient', () => {
  test('discharges the open admission with summary, tapering advice and follow-up', () => {
    const { summary, taperingAdviceForGp, followUp, occurredAt } = discharge;
    const state = course
      .given(...admittedCourse())
      .when(discharge)
      .then({ type: 'PatientDischarged', data: { occurredAt, admissionId, summary, taperingAdviceForGp, followUp } });
    expect(state.admission.current).toBeNull();
    expect(state.admission.history[0]?.dischargedAt).toBe(occurredAt);
  });

  test('tapering advice and follow-up are optional', () => {
    const { taperingAdviceForGp: _advice, followUp: _followUp, ...plain } = discharge;
    course.given(...admittedCourse()).when(plain).then(patientDischarged(discharge.occurredAt, { summary: discharge.summary }));
  });

  test('refused when the patient is not admitted', () => {
    course.given(...admittedCourse(), patientDischarged('2025-01-20T10:00:00.000Z')).when(discharge).thenRefused('not_admitted');
  });

  test('refused when dated before the admission', () => {
    course.given(...admittedCourse()).when({ ...discharge, occurredAt: '2025-01-05T10:00:00.000Z' }).thenRefused('discharge_before_admission');
  });

  test('refused on a course that has not started', () => {
    course.given().when(discharge).thenRefused('course_not_started');
  });
});
