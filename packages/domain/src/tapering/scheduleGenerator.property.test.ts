import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError } from '../kernel/domainError.js';
import type { DoseRounding } from '../medication/doseRounding.js';
import { generateSchedule, type Schedule } from './scheduleGenerator.js';
import type { ScheduleParametersInput } from './scheduleParameters.js';

const runs = { numRuns: 300 };
/** Doses are exact to 1/10000 of the unit; comparisons allow for the float representation only. */
const epsilon = 1e-9;

/** Makeable doses enumerated independently of the generator: closure of sums up to a maximum, in 1/10000 units. */
function makeableBelow(rounding: DoseRounding, max: number): number[] {
  const quanta = 'resolution' in rounding ? [rounding.resolution] : rounding.strengths;
  const ticks = quanta.map((q) => Math.round(q * 10_000));
  const limit = Math.round(max * 10_000);
  const seen = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const dose = queue.pop() as number;
    for (const t of ticks) {
      if (dose + t <= limit && !seen.has(dose + t)) {
        seen.add(dose + t);
        queue.push(dose + t);
      }
    }
  }
  return [...seen].sort((a, b) => a - b).map((t) => t / 10_000);
}

const tablets = fc.uniqueArray(fc.constantFrom(0.5, 1, 2, 2.5, 5, 7.5, 10, 12.5, 20, 25, 50), { minLength: 1, maxLength: 4 });
const rounding: fc.Arbitrary<DoseRounding> = fc.oneof(
  tablets.map((strengths) => ({ strengths })),
  fc.constantFrom(0.1, 0.25, 0.5, 1, 2.5).map((resolution) => ({ resolution })),
);
/** Start doses with one decimal, 0.5 to 150. */
const startDose = fc.integer({ min: 5, max: 1500 }).map((tenths) => tenths / 10);
const startDate = fc.integer({ min: 0, max: 3650 }).map((days) => DateTime.fromISO('2020-01-01', { zone: 'utc' }).plus({ days }).toISODate() as string);
const intervalDays = fc.integer({ min: 1, max: 90 });

function expectSchedule(input: ScheduleParametersInput): Schedule {
  const result = generateSchedule(input);
  if (result instanceof DomainError) throw new Error(`${result.code}: ${JSON.stringify(result.details)}`);
  return result;
}

function expectCommonGuarantees({ parameters, steps }: Schedule): void {
  const targets = [parameters.startDose, ...steps.map((s) => s.targetDose)];
  expect(steps.length).toBeGreaterThan(0);
  targets.slice(1).forEach((dose, i) => {
    expect(dose).toBeLessThan(targets[i] as number);
    expect(dose).toBeGreaterThanOrEqual(0);
  });
  steps.forEach((step, i) => {
    expect(step.index).toBe(i + 1);
    const days = DateTime.fromISO(step.plannedStart, { zone: 'utc' }).diff(DateTime.fromISO(parameters.startDate, { zone: 'utc' }), 'days').days;
    expect(days).toBe(i * parameters.intervalDays);
    expect(step.minimumDaysToHold).toBe(parameters.minimumHoldDays ?? parameters.intervalDays);
  });
}

const lastDose = (schedule: Schedule): number => schedule.steps.at(-1)?.targetDose ?? Number.NaN;

describe('hyperbolic schedules (property)', () => {
  test('strictly decreasing, never negative, makeable, spaced by the interval, ending at zero', () => {
    fc.assert(
      fc.property(startDose, rounding, fc.integer({ min: 5, max: 60 }), startDate, intervalDays, (start, round, percent, date, interval) => {
        const schedule = expectSchedule({ kind: 'hyperbolic', startDose: start, percent, rounding: round, startDate: date, intervalDays: interval });
        expectCommonGuarantees(schedule);
        expect(lastDose(schedule)).toBe(0);
        const makeable = new Set(makeableBelow(round, start));
        for (const step of schedule.steps) expect(makeable.has(step.targetDose)).toBe(true);
      }),
      runs,
    );
  });

  test('each reduction is the requested percentage of the current dose, within rounding', () => {
    fc.assert(
      fc.property(startDose, rounding, fc.integer({ min: 5, max: 60 }), (start, round, percent) => {
        const schedule = expectSchedule({ kind: 'hyperbolic', startDose: start, percent, rounding: round, startDate: '2025-01-01' });
        const makeable = makeableBelow(round, start);
        let current = start;
        for (const { targetDose } of schedule.steps) {
          const exact = current * (1 - percent / 100);
          const error = Math.abs(targetDose - exact);
          const lower = makeable.filter((m) => m < current - epsilon);
          const nearestBelowCurrent = Math.min(...lower.map((m) => Math.abs(m - exact)));
          const isNearest = error <= nearestBelowCurrent + epsilon;
          // The nearest makeable dose may be the current one (small doses, coarse strengths): then the next one down.
          const nextDown = targetDose === Math.max(...lower) && makeable.filter((m) => m <= current + epsilon).some((m) => Math.abs(m - exact) < error);
          expect(isNearest || nextDown).toBe(true);
          if ('resolution' in round && !nextDown && makeable.includes(current)) expect(error).toBeLessThanOrEqual(round.resolution / 2 + epsilon);
          current = targetDose;
        }
      }),
      runs,
    );
  });

  test('with a floor, every positive dose is at or above it and the schedule ends at zero', () => {
    fc.assert(
      fc.property(startDose, rounding, fc.integer({ min: 5, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (start, round, percent, fraction) => {
        const floor = Math.round(start * fraction * 10) / 10;
        const schedule = expectSchedule({ kind: 'hyperbolic', startDose: start, percent, rounding: round, floor, startDate: '2025-01-01' });
        expectCommonGuarantees(schedule);
        expect(lastDose(schedule)).toBe(0);
        for (const { targetDose } of schedule.steps) if (targetDose > 0) expect(targetDose).toBeGreaterThanOrEqual(floor);
      }),
      runs,
    );
  });

  test('ending at a kept dose: never below it, and the last step is exactly it', () => {
    fc.assert(
      fc.property(startDose, rounding, fc.integer({ min: 5, max: 60 }), fc.integer({ min: 1, max: 30 }), (start, round, percent, multiple) => {
        const quantum = 'resolution' in round ? round.resolution : (round.strengths[0] as number);
        const keepDose = Math.round(quantum * multiple * 10_000) / 10_000;
        fc.pre(keepDose < start);
        const schedule = expectSchedule({ kind: 'hyperbolic', startDose: start, percent, rounding: round, endAt: { keepDose }, startDate: '2025-01-01' });
        expectCommonGuarantees(schedule);
        expect(lastDose(schedule)).toBe(keepDose);
        for (const { targetDose } of schedule.steps) expect(targetDose).toBeGreaterThanOrEqual(keepDose);
      }),
      runs,
    );
  });
});

describe('linear schedules (property)', () => {
  test('strictly decreasing, never negative, spaced by the interval, ending at zero in at most the steps asked', () => {
    fc.assert(
      fc.property(startDose, rounding, fc.integer({ min: 1, max: 30 }), startDate, intervalDays, (start, round, steps, date, interval) => {
        const schedule = expectSchedule({ kind: 'linear', startDose: start, steps, rounding: round, startDate: date, intervalDays: interval });
        expectCommonGuarantees(schedule);
        expect(lastDose(schedule)).toBe(0);
        expect(schedule.steps.length).toBeLessThanOrEqual(steps);
      }),
      runs,
    );
  });

  test('reductions are equal within rounding when the rounding is finer than a reduction', () => {
    const resolution = fc.constantFrom(0.1, 0.25, 0.5, 1);
    fc.assert(
      fc.property(startDose, resolution, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), (start, res, steps, keepMultiple) => {
        const keepDose = keepMultiple * res;
        fc.pre(keepDose < start && (start - keepDose) / steps >= res);
        const endAt = keepDose > 0 ? { keepDose } : ('zero' as const);
        const schedule = expectSchedule({ kind: 'linear', startDose: start, steps, rounding: { resolution: res }, endAt, startDate: '2025-01-01' });
        expectCommonGuarantees(schedule);
        expect(schedule.steps).toHaveLength(steps);
        expect(lastDose(schedule)).toBeCloseTo(keepDose, 9);
        const ideal = (start - keepDose) / steps;
        const targets = [start, ...schedule.steps.map((s) => s.targetDose)];
        schedule.steps.forEach(({ targetDose }, i) => {
          expect(Math.abs(targetDose - (start - (i + 1) * ideal))).toBeLessThanOrEqual(res / 2 + epsilon);
          const reduction = (targets[i] as number) - targetDose;
          expect(Math.abs(reduction - ideal)).toBeLessThanOrEqual(res + epsilon);
        });
      }),
      runs,
    );
  });
});

describe('explicit schedules (property)', () => {
  const list = fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 20 }).map((xs) => xs.map((x) => x / 10));

  test('a strictly decreasing list below the start dose is respected exactly', () => {
    fc.assert(
      fc.property(list, fc.integer({ min: 1, max: 100 }), startDate, intervalDays, (raw, above, date, interval) => {
        const doses = [...raw].sort((a, b) => b - a);
        const start = (doses[0] as number) + above / 10;
        const schedule = expectSchedule({ kind: 'explicit', startDose: start, doses, startDate: date, intervalDays: interval });
        expectCommonGuarantees(schedule);
        expect(schedule.steps.map((s) => s.targetDose)).toEqual(doses);
      }),
      runs,
    );
  });

  test('any list that does not strictly decrease from the start dose is refused', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 200 }), (raw, start) => {
        const doses = raw.map((x) => x / 10);
        const chain = [start / 10, ...doses];
        const decreasing = chain.every((d, i) => i === 0 || d < (chain[i - 1] as number));
        const result = generateSchedule({ kind: 'explicit', startDose: start / 10, doses, startDate: '2025-01-01' });
        if (decreasing) expect(result).not.toBeInstanceOf(DomainError);
        else expect(result).toMatchObject({ code: 'schedule_not_decreasing' });
      }),
      runs,
    );
  });
});
