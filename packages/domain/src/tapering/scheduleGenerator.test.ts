import { DateTime } from 'luxon';
import { DomainError } from '../kernel/domainError.js';
import { generateSchedule, type Schedule } from './scheduleGenerator.js';
import type { ScheduleParametersInput } from './scheduleParameters.js';

function schedule(input: ScheduleParametersInput): Schedule {
  const result = generateSchedule(input);
  if (result instanceof DomainError) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

const doses = (input: ScheduleParametersInput): number[] => schedule(input).steps.map((s) => s.targetDose);

describe('hyperbolic schedules', () => {
  test('citalopram 20 mg, 10% of the current dose per step, oral solution measured to 0.1 mg', () => {
    const result = doses({ kind: 'hyperbolic', startDose: 20, startDate: '2025-03-10', rounding: { resolution: 0.1 } });
    expect(result.slice(0, 8)).toEqual([18, 16.2, 14.6, 13.1, 11.8, 10.6, 9.5, 8.6]);
    // Near zero the 10% is below the resolution, so each step takes the next measurable dose down.
    expect(result.slice(-4)).toEqual([0.3, 0.2, 0.1, 0]);
  });

  test('a floor ends the long tail: the first dose below it becomes zero', () => {
    const result = doses({ kind: 'hyperbolic', startDose: 20, startDate: '2025-03-10', rounding: { resolution: 0.1 }, floor: 2 });
    expect(result.slice(-3)).toEqual([2.2, 2, 0]);
    expect(result.filter((d) => d > 0).every((d) => d >= 2)).toBe(true);
  });

  test('olanzapine 15 mg from 2.5/5/7.5/10/15 mg tablets: coarse strengths take the next makeable dose down', () => {
    const result = doses({ kind: 'hyperbolic', startDose: 15, startDate: '2025-03-10', rounding: { strengths: [2.5, 5, 7.5, 10, 15] } });
    expect(result).toEqual([12.5, 10, 7.5, 5, 2.5, 0]);
  });

  test('ending at a dose the patient keeps', () => {
    const result = doses({ kind: 'hyperbolic', startDose: 20, percent: 25, startDate: '2025-03-10', rounding: { strengths: [1, 5] }, endAt: { keepDose: 5 } });
    expect(result).toEqual([15, 11, 8, 6, 5]);
  });

  test('steps are spaced by the interval and hold the minimum days (default: the interval)', () => {
    const { steps } = schedule({ kind: 'hyperbolic', startDose: 15, startDate: '2025-03-10', intervalDays: 21, rounding: { strengths: [2.5] } });
    expect(steps.slice(0, 3)).toEqual([
      { index: 1, targetDose: 12.5, plannedStart: '2025-03-10', minimumDaysToHold: 21 },
      { index: 2, targetDose: 10, plannedStart: '2025-03-31', minimumDaysToHold: 21 },
      { index: 3, targetDose: 7.5, plannedStart: '2025-04-21', minimumDaysToHold: 21 },
    ]);
  });

  test('the stored parameters carry the defaults', () => {
    const { parameters } = schedule({ kind: 'hyperbolic', startDose: 10, startDate: '2025-03-10', rounding: { resolution: 1 } });
    expect(parameters).toEqual({ kind: 'hyperbolic', startDose: 10, startDate: '2025-03-10', intervalDays: 28, percent: 10, endAt: 'zero', floor: 0, rounding: { resolution: 1 } });
  });
});

describe('linear schedules', () => {
  test('quetiapine 300 mg in 4 equal steps from 25 mg tablets', () => {
    expect(doses({ kind: 'linear', startDose: 300, steps: 4, startDate: '2025-03-10', rounding: { strengths: [25, 100, 200] } })).toEqual([225, 150, 75, 0]);
  });

  test('equal steps are rounded to the nearest makeable dose', () => {
    expect(doses({ kind: 'linear', startDose: 10, steps: 3, startDate: '2025-03-10', rounding: { strengths: [1] } })).toEqual([7, 3, 0]);
  });

  test('coarse strengths can reach the end in fewer steps than asked', () => {
    expect(doses({ kind: 'linear', startDose: 5, steps: 10, startDate: '2025-03-10', rounding: { strengths: [2.5] } })).toEqual([2.5, 0]);
  });

  test('down to a kept dose', () => {
    expect(doses({ kind: 'linear', startDose: 20, steps: 2, startDate: '2025-03-10', rounding: { resolution: 1 }, endAt: { keepDose: 10 } })).toEqual([15, 10]);
  });
});

describe('explicit schedules', () => {
  test('the list is taken as given', () => {
    const { steps } = schedule({ kind: 'explicit', startDose: 15, doses: [10, 5, 2.5, 0], startDate: '2025-03-10', intervalDays: 14, minimumHoldDays: 10 });
    expect(steps.map((s) => [s.targetDose, s.plannedStart, s.minimumDaysToHold])).toEqual([
      [10, '2025-03-10', 10],
      [5, '2025-03-24', 10],
      [2.5, '2025-04-07', 10],
      [0, '2025-04-21', 10],
    ]);
  });

  test.each([
    [[15, 10], 1],
    [[10, 10], 2],
    [[10, 12, 5], 2],
  ])('a list that does not strictly decrease from the start dose is refused: %j', (list, stepIndex) => {
    const result = generateSchedule({ kind: 'explicit', startDose: 15, doses: list, startDate: '2025-03-10' });
    expect(result).toMatchObject({ code: 'schedule_not_decreasing', details: { stepIndex } });
  });
});

describe('refusals', () => {
  test.each<[string, ScheduleParametersInput]>([
    ['keep_dose_not_below_start', { kind: 'hyperbolic', startDose: 10, startDate: '2025-03-10', rounding: { resolution: 1 }, endAt: { keepDose: 10 } }],
    ['keep_dose_not_makeable', { kind: 'linear', steps: 2, startDose: 10, startDate: '2025-03-10', rounding: { strengths: [2.5] }, endAt: { keepDose: 4 } }],
    ['floor_requires_ending_at_zero', { kind: 'hyperbolic', startDose: 10, startDate: '2025-03-10', rounding: { resolution: 1 }, endAt: { keepDose: 5 }, floor: 2 }],
    ['rounding_too_fine', { kind: 'hyperbolic', startDose: 10, startDate: '2025-03-10', rounding: { resolution: 0.00001 } }],
    ['rounding_too_fine', { kind: 'hyperbolic', startDose: 1000, startDate: '2025-03-10', rounding: { resolution: 0.0001 } }],
    ['invalid_schedule_parameters', { kind: 'hyperbolic', startDose: 10, startDate: '10.03.2025', rounding: { resolution: 1 } }],
    ['invalid_schedule_parameters', { kind: 'hyperbolic', startDose: 10, percent: 100, startDate: '2025-03-10', rounding: { resolution: 1 } }],
  ])('%s', (code, input) => {
    expect(generateSchedule(input)).toMatchObject({ code });
  });
});

test('planned starts are calendar dates, independent of time zones and daylight saving', () => {
  const { steps } = schedule({ kind: 'explicit', startDose: 3, doses: [2, 1, 0], startDate: '2025-03-20', intervalDays: 7 });
  const starts = steps.map((s) => DateTime.fromISO(s.plannedStart, { zone: 'Europe/Oslo' }));
  expect(starts.map((s) => s.toISODate())).toEqual(['2025-03-20', '2025-03-27', '2025-04-03']);
});
