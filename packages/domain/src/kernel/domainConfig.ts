import { z } from 'zod';

/** Site choices that change decisions; each has a default a fresh installation starts with. */
export const domainConfigSchema = z.object({
  /** Side effects must be assessed at least this often while a medication is in use (action point 5). */
  sideEffectMonitoringIntervalDays: z.number().int().positive().default(28),
  /** Whether a patient with no recorded choice is reserved against research use. */
  researchReservedByDefault: z.boolean().default(false),
  /** Defaults of a new user-controlled bed agreement. */
  bedAgreementDefaults: z.object({
    maxNightsPerStay: z.number().int().positive().default(5),
  }).prefault({}),
});

export type DomainConfig = z.infer<typeof domainConfigSchema>;

export const defaultDomainConfig: DomainConfig = domainConfigSchema.parse({});
