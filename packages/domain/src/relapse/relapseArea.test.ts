import type { CourseEvent } from '../course/courseDecider.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import { testId } from '../testing/testContext.js';
import { olanzapineId, olanzapineRecorded } from '../medication/medicationFixtures.js';
import { olanzapinePlanCreated, olanzapineStepStarted, planId, stepCompleted } from '../tapering/taperingFixtures.js';

const now = '2025-03-03T09:00:00.000Z';
const record = { type: 'RecordRelapse', courseId, kind: 'dose_increase', severity: 'moderate' };
const tapering: CourseEvent[] = [...admittedCourse(), olanzapineRecorded(), olanzapinePlanCreated()];

describe('RecordRelapse', () => {
  test('linked automatically to the step in progress', () => {
    const state = course.given(...tapering, olanzapineStepStarted(1, '2025-02-03T09:00:00.000Z')).when({ ...record, note: 'Voices returned; dose raised for now.' }).then({
      type: 'RelapseRecorded',
      data: {
        occurredAt: now,
        entryId: testId(1),
        kind: 'dose_increase',
        severity: 'moderate',
        taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }],
        note: 'Voices returned; dose raised for now.',
      },
    });
    expect(state.relapse.relapses).toEqual([
      { entryId: testId(1), occurredAt: now, kind: 'dose_increase', severity: 'moderate', taperingSteps: [{ planId, medicationId: olanzapineId, stepIndex: 1, stepStatus: 'started' }] },
    ]);
    expect(state.entries.get(testId(1))).toEqual({ type: 'RelapseRecorded', retracted: false });
  });

  test('linked to the latest step of each plan in force, also when completed', () => {
    const history = [...tapering, olanzapineStepStarted(1, '2025-02-03T09:00:00.000Z'), stepCompleted(1, '2025-03-01T09:00:00.000Z')];
    const { decision } = course.given(...history).when({ ...record, kind: 'crisis_plan_activated', severity: 'severe' });
    expect(decision).toMatchObject({ ok: true, events: [{ data: { taperingSteps: [{ planId, stepIndex: 1, stepStatus: 'completed' }] } }] });
  });

  test('a plan not yet begun, or reversed to its baseline, has no step to link', () => {
    expect(course.given(...tapering).when(record).decision).toMatchObject({ ok: true, events: [{ data: { taperingSteps: [] } }] });
    const reversed = {
      type: 'TaperingStepReversed',
      data: {
        occurredAt: '2025-02-20T10:00:00.000Z', planId, stepIndex: 1, reason: 'worsening',
        doseChange: { medicationId: olanzapineId, previousDose: 12.5, dose: 15, frequency: { kind: 'daily', timesPerDay: 1 }, dailyDose: 15, ddds: 1.5 },
      },
    };
    const { decision } = course.given(...tapering, olanzapineStepStarted(1, '2025-02-03T09:00:00.000Z'), reversed).when(record);
    expect(decision).toMatchObject({ ok: true, events: [{ data: { taperingSteps: [] } }] });
  });

  test('after a reversal, linked to the step whose dose the patient is back on', () => {
    const history = [
      ...tapering,
      olanzapineStepStarted(1, '2025-01-27T09:00:00.000Z'),
      stepCompleted(1, '2025-02-24T09:00:00.000Z'),
      olanzapineStepStarted(2, '2025-02-24T10:00:00.000Z'),
      {
        type: 'TaperingStepReversed',
        data: {
          occurredAt: '2025-03-01T10:00:00.000Z', planId, stepIndex: 2, reason: 'withdrawal_symptoms',
          doseChange: { medicationId: olanzapineId, previousDose: 10, dose: 12.5, frequency: { kind: 'daily', timesPerDay: 1 }, dailyDose: 12.5, ddds: 1.25 },
        },
      },
    ];
    const { decision } = course.given(...history).when(record);
    expect(decision).toMatchObject({ ok: true, events: [{ data: { taperingSteps: [{ planId, stepIndex: 1, stepStatus: 'completed' }] } }] });
  });

  test('not before the course has started', () => {
    course.given().when(record).thenRefused('course_not_started');
  });
});
