import { z } from 'zod';

/**
 * Legal status under the Mental Health Care Act: voluntary care, involuntary care with 24h
 * stay (TPH) or without (TUD), or involuntary care lifted before transfer to the unit.
 */
export const legalStatus = z.enum(['voluntary', 'involuntary_tph', 'involuntary_tud', 'involuntary_lifted_before_transfer']);
export type LegalStatus = z.infer<typeof legalStatus>;

/** Medication-free treatment is voluntary: involuntary care still in force rules admission out. */
export const admissibleLegalStatus = legalStatus.extract(['voluntary', 'involuntary_lifted_before_transfer']);
