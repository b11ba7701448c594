import type { CourseEvent } from '../course/courseDecider.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import { testId } from '../testing/testContext.js';
import { olanzapineId, olanzapineRecorded } from '../medication/medicationFixtures.js';
import { olanzapinePlanCreated, olanzapineStepStarted, planId, stepCompleted } from '../tapering/taperingFixtures.js';

const now = '2025-03-03T09:00:00.000Z';
const onStep1: CourseEvent[] = [...admittedCourse(), olanzapineRecorded(), olanzapinePlanCreated(), olanzapineStepStarted(1, '2025-02-03T09:00:00.000Z')];

describe('RecordWithdrawalSymptoms', () => {
  const record = {
    type: 'RecordWithdrawalSymptoms',
    courseId,
    rater: 'patient',
    symptoms: [{ symptom: 'insomnia', severity: 3 }, { symptom: 'dizziness', severity: 2 }, { symptom: 'irritability', severity: 1 }],
  };

  test('records the ratings with their total, linked to the step in progress', () => {
    const state = course.given(...onStep1).when({ ...record, note: 'Worst in the evenings.' }).then({
      type: 'WithdrawalSymptomsRecorded',
      data: {
        occurredAt: now,
        entryId: testId(1),
        rater: 'patient',
        symptoms: record.symptoms,
        total: 6,
        taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }],
        note: 'Worst in the evenings.',
      },
    });
    expect(state.observation.withdrawalSymptoms).toEqual([
      { entryId: testId(1), occurredAt: now, rater: 'patient', total: 6, taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }] },
    ]);
    expect(state.entries.get(testId(1))).toEqual({ type: 'WithdrawalSymptomsRecorded', retracted: false });
  });

  test('weeks after a completed step it is still linked to that step', () => {
    const { decision } = course.given(...onStep1, stepCompleted(1, '2025-03-01T09:00:00.000Z')).when({ ...record, rater: 'clinician' });
    expect(decision).toMatchObject({ ok: true, events: [{ data: { rater: 'clinician', taperingSteps: [{ stepIndex: 1, stepStatus: 'completed' }] } }] });
  });

  test('without tapering there is no link', () => {
    const { decision } = course.given(...admittedCourse()).when(record);
    expect(decision).toMatchObject({ ok: true, events: [{ data: { taperingSteps: [] } }] });
  });

  test('a symptom rated twice is refused', () => {
    course.given(...admittedCourse()).when({ ...record, symptoms: [{ symptom: 'insomnia', severity: 3 }, { symptom: 'insomnia', severity: 1 }] })
      .thenRefused('duplicate_symptom', { symptom: 'insomnia' });
  });

  test('not before the course has started', () => {
    course.given().when(record).thenRefused('course_not_started');
  });
});

describe('RecordPatientExperience', () => {
  const record = { type: 'RecordPatientExperience', courseId, mood: 6 };

  test('the patient\'s mood and own words, linked to the step in progress', () => {
    const state = course.given(...onStep1).when({ ...record, text: 'Clearer head, but sleeping badly.' }).then({
      type: 'PatientExperienceRecorded',
      data: {
        occurredAt: now,
        entryId: testId(1),
        mood: 6,
        text: 'Clearer head, but sleeping badly.',
        taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }],
      },
    });
    expect(state.observation.experiences).toEqual([
      { entryId: testId(1), occurredAt: now, mood: 6, taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }] },
    ]);
    expect(state.entries.get(testId(1))).toEqual({ type: 'PatientExperienceRecorded', retracted: false });
  });

  test('a mood alone is enough', () => {
    course.given(...admittedCourse()).when(record).then({
      type: 'PatientExperienceRecorded',
      data: { occurredAt: now, entryId: testId(1), mood: 6, taperingSteps: [] },
    });
  });

  test('not before the course has started', () => {
    course.given().when(record).thenRefused('course_not_started');
  });
});
