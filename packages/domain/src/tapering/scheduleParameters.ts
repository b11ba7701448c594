import { z } from 'zod';
import { dose, isoDate, positiveDose } from '../kernel/primitives.js';
import { doseRoundingSchema } from '../medication/doseRounding.js';

/**
 * Where a generated schedule ends: at zero (the medication is stopped), or at a dose the
 * patient chooses to keep (the last step is exactly that dose, no step goes below it).
 */
export const scheduleEndSchema = z.union([z.literal('zero'), z.object({ keepDose: positiveDose }).strict()]);

/** Fields every schedule kind has; `startDose` and `rounding` come from the medication, not the caller. */
const timing = {
  /** Calendar date the first step starts; step n starts (n - 1) intervals later. */
  startDate: isoDate,
  intervalDays: z.number().int().positive().max(365).default(28),
  /** Minimum days on each step's dose before the next; defaults to the interval. */
  minimumHoldDays: z.number().int().nonnegative().max(365).optional(),
};

const linear = z.object({
  kind: z.literal('linear'),
  ...timing,
  /** Number of equal reductions to the end dose. */
  steps: z.number().int().positive().max(100),
  endAt: scheduleEndSchema.default('zero'),
});

const hyperbolic = z.object({
  kind: z.literal('hyperbolic'),
  ...timing,
  /** Each step removes this percentage of the current dose (receptor occupancy is hyperbolic in dose). */
  percent: z.number().gt(0).lt(100).default(10),
  endAt: scheduleEndSchema.default('zero'),
  /** The lowest positive dose when ending at zero: a step that would go below it goes to zero. */
  floor: dose.default(0),
});

const explicit = z.object({
  kind: z.literal('explicit'),
  ...timing,
  /** The target dose of every step, strictly decreasing, each below the start dose. */
  doses: z.array(dose).min(1).max(200),
});

const fromMedication = { startDose: positiveDose };
const makeable = { rounding: doseRoundingSchema };

/** The input of the schedule generator, stored with every plan version that used it. */
export const scheduleParametersSchema = z.discriminatedUnion('kind', [
  linear.extend({ ...fromMedication, ...makeable }),
  hyperbolic.extend({ ...fromMedication, ...makeable }),
  explicit.extend(fromMedication),
]);

/** What a clinician asks for in a tapering command: the schedule without the medication's dose and formulation. */
export const scheduleRequestSchema = z.discriminatedUnion('kind', [linear, hyperbolic, explicit]);

export type ScheduleParameters = z.infer<typeof scheduleParametersSchema>;
export type ScheduleParametersInput = z.input<typeof scheduleParametersSchema>;
export type ScheduleRequest = z.infer<typeof scheduleRequestSchema>;

/** The generator's full parameters for a requested schedule, starting from the medication's current dose. */
export function parametersFor(request: ScheduleRequest, startDose: number, rounding: z.infer<typeof doseRoundingSchema>): ScheduleParametersInput {
  return request.kind === 'explicit' ? { ...request, startDose } : { ...request, startDose, rounding };
}
