import { z } from 'zod';
import { dose, isoDate, positiveDose } from '../kernel/primitives.js';
import { doseRoundingSchema } from '../medication/doseRounding.js';

/**
 * Where a generated schedule ends: at zero (the medication is stopped), or at a dose the
 * patient chooses to keep (the last step is exactly that dose).
 */
export const scheduleEndSchema = z.union([z.literal('zero'), z.object({ keepDose: positiveDose }).strict()]);

const common = {
  startDose: positiveDose,
  /** Calendar date the first step starts. */
  startDate: isoDate,
  intervalDays: z.number().int().positive().max(365).default(28),
  /** Minimum days on each step's dose before the next; defaults to the interval. */
  minimumHoldDays: z.number().int().nonnegative().max(365).optional(),
};

/** The input of the schedule generator, stored with every plan version that used it. */
export const scheduleParametersSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('linear'),
    ...common,
    /** Number of equal reductions to the end dose. */
    steps: z.number().int().positive().max(100),
    rounding: doseRoundingSchema,
    endAt: scheduleEndSchema.default('zero'),
  }),
  z.object({
    kind: z.literal('hyperbolic'),
    ...common,
    /** Each step removes this percentage of the current dose. */
    percent: z.number().gt(0).lt(100).default(10),
    rounding: doseRoundingSchema,
    endAt: scheduleEndSchema.default('zero'),
    /** When the next hyperbolic dose would fall below this, the next step is zero (endAt zero only). */
    floor: dose.default(0),
  }),
  z.object({
    kind: z.literal('explicit'),
    ...common,
    /** The target dose of every step, strictly decreasing, below the start dose. */
    doses: z.array(dose).min(1).max(200),
  }),
]);

export type ScheduleParameters = z.infer<typeof scheduleParametersSchema>;
export type ScheduleParametersInput = z.input<typeof scheduleParametersSchema>;
