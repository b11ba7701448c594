import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import { testId } from '../testing/testContext.js';
import { citalopramId, citalopramRecorded, olanzapineId, olanzapineRecorded } from './medicationFixtures.js';

const now = '2025-03-03T09:00:00.000Z';
const once = { kind: 'daily', timesPerDay: 1 } as const;

describe('RecordMedicationInUse', () => {
  const olanzapine = {
    type: 'RecordMedicationInUse',
    courseId,
    atc: 'N05AH03',
    dose: 15,
    unit: 'mg',
    frequency: once,
    formulation: 'tablet',
    rounding: { strengths: [2.5, 5, 7.5, 10, 15] },
  } as const;

  test('records the medication with its substance and dose in DDDs', () => {
    course.given(...admittedCourse()).when({ ...olanzapine, dose: 5, rounding: { strengths: [5] } }).then({
      type: 'MedicationRecorded',
      data: {
        occurredAt: now,
        medicationId: testId(1),
        atc: 'N05AH03',
        substance: 'olanzapine',
        dose: 5,
        unit: 'mg',
        frequency: once,
        formulation: 'tablet',
        rounding: { strengths: [5] },
        dailyDose: 5,
        ddds: 0.5,
      },
    });
  });

  test('a dose above one DDD without a justification is refused, with the DDDs', () => {
    course.given(...admittedCourse()).when(olanzapine).thenRefused('dose_above_ddd_requires_justification', { ddds: 1.5 });
  });

  test('a dose above one DDD with a justification is recorded with it', () => {
    const justificationAboveDdd = 'Dose set during an acute phase years ago; tapering is the plan.';
    const state = course.given(...admittedCourse()).when({ ...olanzapine, justificationAboveDdd }).then(
      olanzapineRecorded({ occurredAt: now, medicationId: testId(1), justificationAboveDdd }),
    );
    expect(state.medication.medications.get(testId(1))).toMatchObject({ dose: 15, baselineDose: 15, ddds: 1.5, inUse: true, recordedAt: now });
  });

  test('as-needed medication counts at its maximum per day', () => {
    const decision = course.given(...admittedCourse()).when({
      ...olanzapine,
      atc: 'N05BA06',
      dose: 1,
      frequency: { kind: 'as_needed', maxTimesPerDay: 2 },
      rounding: { strengths: [1] },
    }).decision;
    expect(decision).toMatchObject({ ok: true, events: [{ data: { substance: 'lorazepam', dailyDose: 2, ddds: 0.8 } }] });
  });

  test('an ATC code missing from the DDD table is refused', () => {
    course.given(...admittedCourse()).when({ ...olanzapine, atc: 'N07BB01' }).thenRefused('unknown_medication');
  });

  test('a unit other than the DDD table\'s is refused', () => {
    course.given(...admittedCourse()).when({ ...olanzapine, atc: 'N05AN01', unit: 'mg' }).thenRefused('unit_mismatch', { referenceUnit: 'mmol' });
  });

  test('the same substance twice in use is refused', () => {
    course.given(...admittedCourse(), olanzapineRecorded()).when({ ...olanzapine, dose: 5 }).thenRefused('medication_already_in_use', { medicationId: olanzapineId });
  });

  test('a substance stopped before may be recorded again (restarted)', () => {
    const { decision } = course
      .given(...admittedCourse(), olanzapineRecorded(), { type: 'MedicationStopped', data: { occurredAt: now, medicationId: olanzapineId, previousDose: 15 } })
      .when({ ...olanzapine, dose: 5 });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'MedicationRecorded', data: { medicationId: testId(1), ddds: 0.5 } }] });
  });

  test('not before the course has started', () => {
    course.given().when({ ...olanzapine, dose: 5 }).thenRefused('course_not_started');
  });
});

describe('ChangeMedicationDose', () => {
  const change = { type: 'ChangeMedicationDose', courseId, medicationId: citalopramId } as const;

  test('records the new dose in DDDs, and the state follows', () => {
    const state = course.given(...admittedCourse(), citalopramRecorded()).when({ ...change, dose: 10 }).then({
      type: 'MedicationDoseChanged',
      data: { occurredAt: now, medicationId: citalopramId, previousDose: 20, dose: 10, frequency: once, dailyDose: 10, ddds: 0.5 },
    });
    expect(state.medication.medications.get(citalopramId)).toMatchObject({ dose: 10, dailyDose: 10, ddds: 0.5, baselineDose: 20 });
  });

  test('a new frequency changes the daily dose', () => {
    const twice = { kind: 'daily', timesPerDay: 2 } as const;
    course.given(...admittedCourse(), citalopramRecorded()).when({ ...change, dose: 10, frequency: twice }).then({
      type: 'MedicationDoseChanged',
      data: { occurredAt: now, medicationId: citalopramId, previousDose: 20, dose: 10, frequency: twice, dailyDose: 20, ddds: 1 },
    });
  });

  test('above one DDD needs a justification', () => {
    course.given(...admittedCourse(), citalopramRecorded()).when({ ...change, dose: 30 }).thenRefused('dose_above_ddd_requires_justification', { ddds: 1.5 });
    course.given(...admittedCourse(), citalopramRecorded()).when({ ...change, dose: 30, justificationAboveDdd: 'Worsening; agreed for four weeks.' }).then({
      type: 'MedicationDoseChanged',
      data: {
        occurredAt: now, medicationId: citalopramId, previousDose: 20, dose: 30, frequency: once, dailyDose: 30, ddds: 1.5,
        justificationAboveDdd: 'Worsening; agreed for four weeks.',
      },
    });
  });

  test('the same dose and frequency is refused', () => {
    course.given(...admittedCourse(), citalopramRecorded()).when({ ...change, dose: 20 }).thenRefused('dose_unchanged');
  });

  test('an unknown medication is refused', () => {
    course.given(...admittedCourse()).when({ ...change, dose: 10 }).thenRefused('medication_not_found');
  });

  test('a stopped medication is refused', () => {
    course.given(...admittedCourse(), citalopramRecorded(), { type: 'MedicationStopped', data: { occurredAt: now, medicationId: citalopramId, previousDose: 20 } })
      .when({ ...change, dose: 10 })
      .thenRefused('medication_not_in_use');
  });
});

describe('StopMedication', () => {
  const stop = { type: 'StopMedication', courseId, medicationId: citalopramId } as const;

  test('the medication is no longer in use, at dose 0', () => {
    const state = course.given(...admittedCourse(), citalopramRecorded()).when(stop).then({
      type: 'MedicationStopped',
      data: { occurredAt: now, medicationId: citalopramId, previousDose: 20 },
    });
    expect(state.medication.medications.get(citalopramId)).toMatchObject({ inUse: false, dose: 0, ddds: 0, stoppedAt: now });
  });

  test('twice is refused', () => {
    course.given(...admittedCourse(), citalopramRecorded(), { type: 'MedicationStopped', data: { occurredAt: now, medicationId: citalopramId, previousDose: 20 } })
      .when(stop)
      .thenRefused('medication_not_in_use');
  });

  test('a medication being tapered is stopped by its plan, not directly', () => {
    course.given(...admittedCourse(), citalopramRecorded(), {
      type: 'TaperingPlanCreated',
      data: {
        occurredAt: now,
        planId: testId(50),
        medicationId: citalopramId,
        version: 1,
        baselineDose: 20,
        parameters: { kind: 'explicit', startDose: 20, startDate: '2025-03-10', intervalDays: 28, doses: [10, 0] },
        steps: [
          { index: 1, targetDose: 10, plannedStart: '2025-03-10', minimumDaysToHold: 28 },
          { index: 2, targetDose: 0, plannedStart: '2025-04-07', minimumDaysToHold: 28 },
        ],
      },
    }).when(stop).thenRefused('tapering_plan_open', { planId: testId(50) });
  });
});

describe('RecordSideEffectAssessment', () => {
  const assess = { type: 'RecordSideEffectAssessment', courseId, medicationId: olanzapineId, method: 'uku' } as const;

  test('records the findings as a correctable entry and restarts the monitoring clock', () => {
    const findings = [{ effect: 'weight_gain', severity: 2 }, { effect: 'sedation', severity: 1 }];
    const state = course.given(...admittedCourse(), olanzapineRecorded()).when({ ...assess, findings, note: 'Weight up 6 kg since autumn.' }).then({
      type: 'SideEffectsAssessed',
      data: { occurredAt: now, entryId: testId(1), medicationId: olanzapineId, method: 'uku', findings, note: 'Weight up 6 kg since autumn.' },
    });
    expect(state.medication.medications.get(olanzapineId)?.assessments).toEqual([{ entryId: testId(1), assessedAt: now }]);
    expect(state.entries.get(testId(1))).toEqual({ type: 'SideEffectsAssessed', retracted: false });
  });

  test('no findings is a valid assessment', () => {
    course.given(...admittedCourse(), olanzapineRecorded()).when({ ...assess, findings: [] }).then({
      type: 'SideEffectsAssessed',
      data: { occurredAt: now, entryId: testId(1), medicationId: olanzapineId, method: 'uku', findings: [] },
    });
  });

  test('only for a medication in use', () => {
    course.given(...admittedCourse()).when({ ...assess, findings: [] }).thenRefused('medication_not_found');
  });
});
