import { DateTime } from 'luxon';
import { z } from 'zod';
import { dose, isoDate } from '../kernel/primitives.js';
import { DomainError } from '../kernel/domainError.js';
import { hyperbolicDoses } from './hyperbolicSchedule.js';
import { linearDoses } from './linearSchedule.js';
import { fromTicks, MakeableDoses, toTicks } from './makeableDoses.js';
import { scheduleParametersSchema, type ScheduleParameters, type ScheduleParametersInput } from './scheduleParameters.js';

/** One step of a generated schedule; `index` is 1-based. */
export const plannedStepSchema = z.object({
  index: z.number().int().positive(),
  targetDose: dose,
  /** Calendar date (ISO). */
  plannedStart: isoDate,
  minimumDaysToHold: z.number().int().nonnegative(),
});
export type PlannedStep = z.infer<typeof plannedStepSchema>;

export interface Schedule {
  /** The parameters with their defaults filled in, as stored with the plan. */
  readonly parameters: ScheduleParameters;
  readonly steps: readonly PlannedStep[];
}

/**
 * Generates a tapering schedule. Pure and total: invalid parameters are returned as a
 * DomainError, never thrown. Guarantees: target doses strictly decrease, are never
 * negative, are makeable from the formulation (linear, hyperbolic), and the last one is 0
 * (`endAt: 'zero'`) or exactly the kept dose (`endAt: { keepDose }`); explicit lists are
 * taken as given once checked. Step n starts (n - 1) intervals after the start date.
 */
export function generateSchedule(input: ScheduleParametersInput): Schedule | DomainError {
  const parsed = scheduleParametersSchema.safeParse(input);
  if (!parsed.success) {
    return new DomainError('invalid_schedule_parameters', 'The schedule parameters are invalid', {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const parameters = parsed.data;
  const doses = targetDoses(parameters);
  if (doses instanceof DomainError) return doses;
  const start = DateTime.fromISO(parameters.startDate, { zone: 'utc' });
  const steps = doses.map((targetDose, i) => ({
    index: i + 1,
    targetDose,
    plannedStart: start.plus({ days: i * parameters.intervalDays }).toISODate() as string,
    minimumDaysToHold: parameters.minimumHoldDays ?? parameters.intervalDays,
  }));
  return { parameters, steps };
}

function targetDoses(parameters: ScheduleParameters): number[] | DomainError {
  const start = toTicks(parameters.startDose);
  if (parameters.kind === 'explicit') return explicitDoses(parameters.doses, parameters.startDose);
  const end = parameters.endAt === 'zero' ? 0 : toTicks(parameters.endAt.keepDose);
  if (end >= start) {
    return new DomainError('keep_dose_not_below_start', 'The dose to keep must be below the start dose', { startDose: parameters.startDose, endAt: parameters.endAt });
  }
  const makeable = MakeableDoses.upTo(parameters.rounding, start);
  if (makeable instanceof DomainError) return makeable;
  if (!makeable.has(end)) {
    return new DomainError('keep_dose_not_makeable', 'The dose to keep cannot be made from the formulation', { endAt: parameters.endAt, rounding: parameters.rounding });
  }
  if (parameters.kind === 'linear') return linearDoses({ start, end, steps: parameters.steps, makeable }).map(fromTicks);
  if (parameters.floor > 0 && end > 0) {
    return new DomainError('floor_requires_ending_at_zero', 'A floor only applies to a schedule ending at zero; the kept dose is the lowest dose', { floor: parameters.floor });
  }
  return hyperbolicDoses({ start, end, percent: parameters.percent, floor: toTicks(parameters.floor), makeable }).map(fromTicks);
}

function explicitDoses(doses: readonly number[], startDose: number): number[] | DomainError {
  const ticks = [toTicks(startDose), ...doses.map(toTicks)];
  const rising = ticks.findIndex((amount, i) => i > 0 && amount >= (ticks[i - 1] as number));
  if (rising > 0) {
    return new DomainError('schedule_not_decreasing', 'Each step must lower the dose below the previous one (the first below the start dose)', {
      startDose,
      doses,
      stepIndex: rising,
    });
  }
  return ticks.slice(1).map(fromTicks);
}
