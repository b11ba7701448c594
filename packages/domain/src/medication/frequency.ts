import { z } from 'zod';

/**
 * How often a dose is taken, modelled so that the daily amount is always computable:
 * regular intake several times a day, as-needed intake counted at its maximum per day
 * (the DDD rule is about the exposure a prescription allows), or an interval of days
 * (depot injections).
 */
export const frequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), timesPerDay: z.number().int().positive().max(24) }),
  z.object({ kind: z.literal('as_needed'), maxTimesPerDay: z.number().int().positive().max(24) }),
  z.object({ kind: z.literal('every_days'), days: z.number().int().positive().max(366) }),
]);

export type Frequency = z.infer<typeof frequencySchema>;

/** Administrations per day; a fraction for intervals longer than a day. */
export function administrationsPerDay(frequency: Frequency): number {
  switch (frequency.kind) {
    case 'daily':
      return frequency.timesPerDay;
    case 'as_needed':
      return frequency.maxTimesPerDay;
    case 'every_days':
      return 1 / frequency.days;
  }
}

export function sameFrequency(a: Frequency, b: Frequency): boolean {
  return a.kind === b.kind && administrationsPerDay(a) === administrationsPerDay(b);
}
