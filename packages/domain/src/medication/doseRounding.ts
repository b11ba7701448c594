import { z } from 'zod';

/**
 * Which doses a formulation can make: any non-negative whole-number combination of the
 * available strengths (tablets, capsules), or any multiple of a resolution (a liquid
 * measured to e.g. 0.1 mg). Tapering schedules only use makeable doses.
 */
export const doseRoundingSchema = z.union([
  z.object({ strengths: z.array(z.number().positive().finite()).min(1).max(20) }).strict(),
  z.object({ resolution: z.number().positive().finite() }).strict(),
]);

export type DoseRounding = z.infer<typeof doseRoundingSchema>;
