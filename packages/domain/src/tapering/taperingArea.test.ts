import type { CourseEvent } from '../course/courseDecider.js';
import { admittedCourse, course, courseId } from '../testing/courseFixtures.js';
import { testId } from '../testing/testContext.js';
import { olanzapineId, olanzapineRecorded } from '../medication/medicationFixtures.js';
import { olanzapinePlanCreated, olanzapineStepStarted, planId, stepCompleted } from './taperingFixtures.js';

const now = '2025-03-03T09:00:00.000Z';
const once = { kind: 'daily', timesPerDay: 1 } as const;
/** Admitted, olanzapine 15 mg recorded, a six-step plan agreed. */
const planned = () => [...admittedCourse(), olanzapineRecorded(), olanzapinePlanCreated()];
/** ... and step 1 (12.5 mg) started on 3 February. */
const onStep1 = () => [...planned(), olanzapineStepStarted(1, '2025-02-03T09:00:00.000Z')];
/** ... step 1 done, step 2 (10 mg) started on 3 March. */
const onStep2 = () => [...onStep1(), stepCompleted(1, '2025-03-03T08:00:00.000Z'), olanzapineStepStarted(2, '2025-03-03T08:30:00.000Z')];
const paused = (events: CourseEvent[]) => [...events, { type: 'TaperingPlanPaused', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId } }];
const doseChange = (previousDose: number, dose: number) => ({ medicationId: olanzapineId, previousDose, dose, frequency: once, dailyDose: dose, ddds: dose / 10 });

describe('CreateTaperingPlan', () => {
  const create = {
    type: 'CreateTaperingPlan',
    courseId,
    medicationId: olanzapineId,
    schedule: { kind: 'hyperbolic', startDate: '2025-02-03', intervalDays: 28, percent: 10, endAt: 'zero', floor: 0 },
    agreedWithPatient: true,
  };
  const admittedWithOlanzapine = () => [...admittedCourse(), olanzapineRecorded()];

  test('generates the steps from the current dose and the formulation, storing steps and parameters', () => {
    const state = course.given(...admittedWithOlanzapine()).when({ ...create, occurredAt: '2025-01-20T10:00:00.000Z' }).then({
      ...olanzapinePlanCreated(),
      data: { ...olanzapinePlanCreated().data, planId: testId(1) },
    });
    const plan = state.tapering.plans.get(testId(1));
    expect(plan).toMatchObject({ status: 'active', version: 1, baselineDose: 15, medicationId: olanzapineId });
    expect(plan?.steps.map((s) => [s.index, s.targetDose, s.status])).toEqual([
      [1, 12.5, 'planned'], [2, 10, 'planned'], [3, 7.5, 'planned'], [4, 5, 'planned'], [5, 2.5, 'planned'], [6, 0, 'planned'],
    ]);
  });

  test('an explicit schedule with a note', () => {
    const schedule = { kind: 'explicit', startDate: '2025-03-10', intervalDays: 42, doses: [10, 5, 0] };
    course.given(...admittedWithOlanzapine()).when({ ...create, schedule, note: 'Wants slower steps in summer.' }).then({
      type: 'TaperingPlanCreated',
      data: {
        occurredAt: now,
        planId: testId(1),
        medicationId: olanzapineId,
        version: 1,
        baselineDose: 15,
        parameters: { ...schedule, startDose: 15 },
        steps: [
          { index: 1, targetDose: 10, plannedStart: '2025-03-10', minimumDaysToHold: 42 },
          { index: 2, targetDose: 5, plannedStart: '2025-04-21', minimumDaysToHold: 42 },
          { index: 3, targetDose: 0, plannedStart: '2025-06-02', minimumDaysToHold: 42 },
        ],
        note: 'Wants slower steps in summer.',
      },
    });
  });

  test('a plan not agreed with the patient is refused', () => {
    course.given(...admittedWithOlanzapine()).when({ ...create, agreedWithPatient: false }).thenRefused('plan_not_agreed');
  });

  test('the medication must be in use', () => {
    course.given(...admittedCourse()).when(create).thenRefused('medication_not_found');
    course.given(...admittedWithOlanzapine(), { type: 'MedicationStopped', data: { occurredAt: now, medicationId: olanzapineId, previousDose: 15 } })
      .when(create)
      .thenRefused('medication_not_in_use');
  });

  test('one plan in force per medication', () => {
    course.given(...planned()).when(create).thenRefused('tapering_plan_already_open', { planId });
  });

  test('a schedule the generator refuses is refused with its reason', () => {
    course.given(...admittedWithOlanzapine()).when({ ...create, schedule: { kind: 'explicit', startDate: '2025-03-10', intervalDays: 28, doses: [10, 12] } })
      .thenRefused('schedule_not_decreasing', { stepIndex: 2 });
    course.given(...admittedWithOlanzapine()).when({ ...create, schedule: { ...create.schedule, endAt: { keepDose: 4 } } })
      .thenRefused('keep_dose_not_makeable');
  });

  test('not before the course has started', () => {
    course.given().when(create).thenRefused('course_not_started');
  });
});

describe('ReviseTaperingPlan', () => {
  const revise = {
    type: 'ReviseTaperingPlan',
    courseId,
    planId,
    fromStepIndex: 3,
    schedule: { kind: 'linear', startDate: '2025-04-14', intervalDays: 42, steps: 2, endAt: 'zero' },
    agreedWithPatient: true,
  };

  test('replaces the steps from an index on with a new version, starting from the previous step\'s dose', () => {
    const state = course.given(...onStep2()).when({ ...revise, note: 'Slower after a hard second step.' }).then({
      type: 'TaperingPlanRevised',
      data: {
        occurredAt: now,
        planId,
        medicationId: olanzapineId,
        version: 2,
        fromStepIndex: 3,
        parameters: { ...revise.schedule, startDose: 10, rounding: { strengths: [2.5, 5, 7.5, 10, 15] } },
        steps: [
          { index: 3, targetDose: 5, plannedStart: '2025-04-14', minimumDaysToHold: 42 },
          { index: 4, targetDose: 0, plannedStart: '2025-05-26', minimumDaysToHold: 42 },
        ],
        note: 'Slower after a hard second step.',
      },
    });
    expect(state.tapering.plans.get(planId)?.version).toBe(2);
    expect(state.tapering.plans.get(planId)?.steps.map((s) => [s.index, s.targetDose, s.status])).toEqual([
      [1, 12.5, 'completed'], [2, 10, 'started'], [3, 5, 'planned'], [4, 0, 'planned'],
    ]);
  });

  test('a reversed step may be revised away', () => {
    const reversed = { type: 'TaperingStepReversed', data: { occurredAt: '2025-03-01T10:00:00.000Z', planId, stepIndex: 1, reason: 'withdrawal_symptoms', doseChange: doseChange(12.5, 15) } };
    const { decision } = course.given(...onStep1(), reversed).when({ ...revise, fromStepIndex: 1 });
    expect(decision).toMatchObject({ ok: true, events: [{ data: { fromStepIndex: 1, parameters: { startDose: 15 }, steps: [{ index: 1, targetDose: 7.5 }, { index: 2, targetDose: 0 }] } }] });
  });

  test('steps begun cannot be revised', () => {
    course.given(...onStep2()).when({ ...revise, fromStepIndex: 2 }).thenRefused('cannot_revise_completed_steps', { lastBegunStepIndex: 2 });
  });

  test('a revision must start within or right after the plan', () => {
    course.given(...onStep2()).when({ ...revise, fromStepIndex: 8 }).thenRefused('tapering_step_not_found');
  });

  test('a revision not agreed with the patient is refused', () => {
    course.given(...onStep2()).when({ ...revise, agreedWithPatient: false }).thenRefused('plan_not_agreed');
  });

  test('an unknown plan is refused', () => {
    course.given(...admittedCourse(), olanzapineRecorded()).when(revise).thenRefused('tapering_plan_not_found');
  });
});

describe('StartTaperingStep', () => {
  const start = { type: 'StartTaperingStep', courseId, planId };

  test('the medication goes to the step\'s target dose, in DDDs, in the same event', () => {
    const state = course.given(...planned()).when({ ...start, stepIndex: 1 }).then({
      type: 'TaperingStepStarted',
      data: { occurredAt: now, planId, stepIndex: 1, doseChange: doseChange(15, 12.5) },
    });
    expect(state.medication.medications.get(olanzapineId)).toMatchObject({ dose: 12.5, ddds: 1.25, baselineDose: 15 });
    expect(state.tapering.plans.get(planId)?.steps[0]).toMatchObject({ status: 'started', startedAt: now });
  });

  test('steps go in order', () => {
    course.given(...planned()).when({ ...start, stepIndex: 2 }).thenRefused('tapering_step_out_of_order', { nextStepIndex: 1 });
  });

  test('one step at a time', () => {
    course.given(...onStep1()).when({ ...start, stepIndex: 2 }).thenRefused('tapering_step_in_progress', { stepInProgress: 1 });
  });

  test('a reversed step may be tried again', () => {
    const reversed = { type: 'TaperingStepReversed', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId, stepIndex: 1, reason: 'patient_wish', doseChange: doseChange(12.5, 15) } };
    const state = course.given(...onStep1(), reversed).when({ ...start, stepIndex: 1 }).then({
      type: 'TaperingStepStarted',
      data: { occurredAt: now, planId, stepIndex: 1, doseChange: doseChange(15, 12.5) },
    });
    expect(state.tapering.plans.get(planId)?.steps[0]).toMatchObject({ status: 'started', reversals: 1 });
  });

  test('not while the plan is paused', () => {
    course.given(...paused(planned())).when({ ...start, stepIndex: 1 }).thenRefused('tapering_plan_paused');
  });

  test('not a step the plan does not have', () => {
    course.given(...planned()).when({ ...start, stepIndex: 7 }).thenRefused('tapering_step_not_found');
  });

  test('not without a plan', () => {
    course.given(...admittedCourse(), olanzapineRecorded()).when({ ...start, stepIndex: 1 }).thenRefused('tapering_plan_not_found');
  });

  test('not on a closed plan', () => {
    const ended = { type: 'TaperingPlanEndedAtDose', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId, medicationId: olanzapineId, completedStep: null, skippedStepIndices: [1, 2, 3, 4, 5, 6], keptDose: 15 } };
    course.given(...planned(), ended).when({ ...start, stepIndex: 1 }).thenRefused('tapering_plan_closed', { status: 'ended_at_dose' });
  });
});

describe('CompleteTaperingStep', () => {
  const complete = { type: 'CompleteTaperingStep', courseId, planId, stepIndex: 1 };

  test('records the calendar days held', () => {
    const state = course.given(...onStep1()).when(complete).then({
      type: 'TaperingStepCompleted',
      data: { occurredAt: now, planId, stepIndex: 1, heldDays: 28, completedBeforeMinimumHold: false },
    });
    expect(state.tapering.plans.get(planId)?.steps[0]).toMatchObject({ status: 'completed', completedAt: now, heldDays: 28 });
  });

  test('before the minimum hold it is flagged, not refused: the patient decides', () => {
    course.given(...onStep1()).when({ ...complete, occurredAt: '2025-02-24T09:00:00.000Z' }).then({
      type: 'TaperingStepCompleted',
      data: { occurredAt: '2025-02-24T09:00:00.000Z', planId, stepIndex: 1, heldDays: 21, completedBeforeMinimumHold: true },
    });
  });

  test('a held step is resumed first', () => {
    const held = { type: 'TaperingStepHeld', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId, stepIndex: 1, reason: 'withdrawal_symptoms' } };
    course.given(...onStep1(), held).when(complete).thenRefused('tapering_step_held');
  });

  test('only a step in progress', () => {
    course.given(...planned()).when(complete).thenRefused('tapering_step_not_started', { status: 'planned' });
  });

  test('not dated before the step started', () => {
    course.given(...onStep1()).when({ ...complete, occurredAt: '2025-02-01T09:00:00.000Z' }).thenRefused('tapering_step_completed_before_start');
  });

  test('not while the plan is paused', () => {
    course.given(...paused(onStep1())).when(complete).thenRefused('tapering_plan_paused');
  });
});

describe('HoldTaperingStep and ResumeTaperingStep', () => {
  const hold = { type: 'HoldTaperingStep', courseId, planId, stepIndex: 1, reason: 'withdrawal_symptoms' };
  const resume = { type: 'ResumeTaperingStep', courseId, planId, stepIndex: 1 };
  const held = { type: 'TaperingStepHeld', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId, stepIndex: 1, reason: 'withdrawal_symptoms' } };

  test('holding keeps the step\'s dose, with the reason', () => {
    const state = course.given(...onStep1()).when({ ...hold, note: 'Dizzy and sleepless since last week.' }).then({
      type: 'TaperingStepHeld',
      data: { occurredAt: now, planId, stepIndex: 1, reason: 'withdrawal_symptoms', note: 'Dizzy and sleepless since last week.' },
    });
    expect(state.tapering.plans.get(planId)?.steps[0]).toMatchObject({ status: 'held', hold: { reason: 'withdrawal_symptoms', since: now } });
    expect(state.medication.medications.get(olanzapineId)?.dose).toBe(12.5);
  });

  test('only a step in progress can be held, once', () => {
    course.given(...planned()).when(hold).thenRefused('tapering_step_not_started');
    course.given(...onStep1(), held).when(hold).thenRefused('tapering_step_already_held');
  });

  test('resuming a held step', () => {
    const state = course.given(...onStep1(), held).when(resume).then({ type: 'TaperingStepResumed', data: { occurredAt: now, planId, stepIndex: 1 } });
    expect(state.tapering.plans.get(planId)?.steps[0]).toMatchObject({ status: 'started', hold: null });
  });

  test('only a held step can be resumed', () => {
    course.given(...onStep1()).when(resume).thenRefused('tapering_step_not_held', { status: 'started' });
  });

  test('not while the plan is paused', () => {
    course.given(...paused(onStep1())).when(hold).thenRefused('tapering_plan_paused');
  });
});

describe('ReverseTaperingStep', () => {
  const reverse = { type: 'ReverseTaperingStep', courseId, planId, reason: 'withdrawal_symptoms' };

  test('the dose returns to the previous step\'s target', () => {
    const state = course.given(...onStep2()).when({ ...reverse, stepIndex: 2, note: 'Anxiety back at night.' }).then({
      type: 'TaperingStepReversed',
      data: { occurredAt: now, planId, stepIndex: 2, reason: 'withdrawal_symptoms', doseChange: doseChange(10, 12.5), note: 'Anxiety back at night.' },
    });
    expect(state.medication.medications.get(olanzapineId)?.dose).toBe(12.5);
    expect(state.tapering.plans.get(planId)?.steps[1]).toMatchObject({ status: 'reversed', reversals: 1 });
  });

  test('reversing the first step returns to the baseline', () => {
    course.given(...onStep1()).when({ ...reverse, stepIndex: 1 }).then({
      type: 'TaperingStepReversed',
      data: { occurredAt: now, planId, stepIndex: 1, reason: 'withdrawal_symptoms', doseChange: doseChange(12.5, 15) },
    });
  });

  test('a completed step can be reversed while it is the latest (the hard weeks may come later)', () => {
    const { decision } = course.given(...onStep1(), stepCompleted(1, '2025-03-02T09:00:00.000Z')).when({ ...reverse, stepIndex: 1, reason: 'worsening' });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'TaperingStepReversed', data: { stepIndex: 1, doseChange: { dose: 15 } } }] });
  });

  test('only the latest step begun', () => {
    course.given(...onStep2()).when({ ...reverse, stepIndex: 1 }).thenRefused('tapering_step_not_reversible', { latestBegunStepIndex: 2 });
    course.given(...planned()).when({ ...reverse, stepIndex: 1 }).thenRefused('tapering_step_not_reversible', { latestBegunStepIndex: null });
  });

  test('also while the plan is paused: going back to a tolerated dose is never blocked', () => {
    const { decision } = course.given(...paused(onStep1())).when({ ...reverse, stepIndex: 1 });
    expect(decision.ok).toBe(true);
  });
});

describe('PauseTaperingPlan and ResumeTaperingPlan', () => {
  test('pausing and resuming', () => {
    const pausedState = course.given(...onStep1()).when({ type: 'PauseTaperingPlan', courseId, planId, note: 'Exams in May.' }).then({
      type: 'TaperingPlanPaused',
      data: { occurredAt: now, planId, note: 'Exams in May.' },
    });
    expect(pausedState.tapering.plans.get(planId)?.status).toBe('paused');
    const resumed = course.given(...paused(onStep1())).when({ type: 'ResumeTaperingPlan', courseId, planId }).then({
      type: 'TaperingPlanResumed',
      data: { occurredAt: now, planId },
    });
    expect(resumed.tapering.plans.get(planId)?.status).toBe('active');
  });

  test('pausing twice or resuming a running plan is refused', () => {
    course.given(...paused(planned())).when({ type: 'PauseTaperingPlan', courseId, planId }).thenRefused('tapering_plan_already_paused');
    course.given(...planned()).when({ type: 'ResumeTaperingPlan', courseId, planId }).thenRefused('tapering_plan_not_paused');
  });

  test('an unknown plan is refused', () => {
    course.given(...admittedCourse()).when({ type: 'PauseTaperingPlan', courseId, planId }).thenRefused('tapering_plan_not_found');
  });
});

describe('CompleteTaperingPlan', () => {
  const complete = { type: 'CompleteTaperingPlan', courseId, planId };
  const lastStepStarted = () => {
    const events: CourseEvent[] = [...planned()];
    for (let index = 1; index <= 5; index += 1) {
      events.push(olanzapineStepStarted(index, `2025-02-0${index}T09:00:00.000Z`), stepCompleted(index, `2025-02-0${index + 1}T08:00:00.000Z`, 1));
    }
    return [...events, olanzapineStepStarted(6, '2025-02-28T10:00:00.000Z')];
  };

  test('the medication is stopped; the step in progress completes', () => {
    const state = course.given(...lastStepStarted()).when(complete).then({
      type: 'TaperingPlanCompleted',
      data: {
        occurredAt: now, planId, medicationId: olanzapineId,
        completedStep: { stepIndex: 6, heldDays: 3, completedBeforeMinimumHold: true },
        skippedStepIndices: [], previousDose: 0,
      },
    });
    expect(state.tapering.plans.get(planId)).toMatchObject({ status: 'completed', closedAt: now, keptDose: null });
    expect(state.tapering.plans.get(planId)?.steps.every((s) => s.status === 'completed')).toBe(true);
    expect(state.medication.medications.get(olanzapineId)).toMatchObject({ inUse: false, dose: 0, stoppedAt: now });
  });

  test('stopping early: the steps never begun are recorded as skipped', () => {
    const state = course.given(...onStep1()).when(complete).then({
      type: 'TaperingPlanCompleted',
      data: {
        occurredAt: now, planId, medicationId: olanzapineId,
        completedStep: { stepIndex: 1, heldDays: 28, completedBeforeMinimumHold: false },
        skippedStepIndices: [2, 3, 4, 5, 6], previousDose: 12.5,
      },
    });
    expect(state.tapering.plans.get(planId)?.steps.map((s) => s.status)).toEqual(['completed', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  test('a completed plan is closed: no more steps, no new plan for a medication no longer in use', () => {
    const done = { type: 'TaperingPlanCompleted', data: { occurredAt: now, planId, medicationId: olanzapineId, completedStep: null, skippedStepIndices: [1, 2, 3, 4, 5, 6], previousDose: 15 } };
    course.given(...planned(), done).when(complete).thenRefused('tapering_plan_closed', { status: 'completed' });
    course.given(...planned(), done).when({ type: 'StartTaperingStep', courseId, planId, stepIndex: 1 }).thenRefused('tapering_plan_closed');
    course.given(...planned(), done).when({
      type: 'CreateTaperingPlan', courseId, medicationId: olanzapineId, agreedWithPatient: true,
      schedule: { kind: 'explicit', startDate: '2025-09-01', intervalDays: 28, doses: [10] },
    }).thenRefused('medication_not_in_use');
  });
});

describe('EndTaperingPlanAtDose', () => {
  const end = { type: 'EndTaperingPlanAtDose', courseId, planId };

  test('the patient keeps the current dose; the medication stays in use', () => {
    const state = course.given(...onStep2()).when({ ...end, note: 'Feels well on 10 mg; wants to stay there.' }).then({
      type: 'TaperingPlanEndedAtDose',
      data: {
        occurredAt: now, planId, medicationId: olanzapineId,
        completedStep: { stepIndex: 2, heldDays: 0, completedBeforeMinimumHold: true },
        skippedStepIndices: [3, 4, 5, 6], keptDose: 10, note: 'Feels well on 10 mg; wants to stay there.',
      },
    });
    expect(state.tapering.plans.get(planId)).toMatchObject({ status: 'ended_at_dose', keptDose: 10 });
    expect(state.medication.medications.get(olanzapineId)).toMatchObject({ inUse: true, dose: 10 });
  });

  test('a new plan may follow later', () => {
    const ended = { type: 'TaperingPlanEndedAtDose', data: { occurredAt: '2025-02-20T10:00:00.000Z', planId, medicationId: olanzapineId, completedStep: null, skippedStepIndices: [1, 2, 3, 4, 5, 6], keptDose: 15 } };
    const { decision } = course.given(...planned(), ended).when({
      type: 'CreateTaperingPlan', courseId, medicationId: olanzapineId, agreedWithPatient: true,
      schedule: { kind: 'explicit', startDate: '2025-09-01', intervalDays: 28, doses: [10] },
    });
    expect(decision.ok).toBe(true);
  });

  test('at dose 0 the plan is completed instead', () => {
    const events: CourseEvent[] = [...planned()];
    for (let index = 1; index <= 5; index += 1) events.push(olanzapineStepStarted(index, '2025-02-01T09:00:00.000Z'), stepCompleted(index, '2025-02-01T10:00:00.000Z', 0));
    course.given(...events, olanzapineStepStarted(6, '2025-02-01T11:00:00.000Z')).when(end).thenRefused('medication_at_zero_dose');
  });
});
