import { z } from 'zod';

/** A worsening that changes the care, by how the care changed. */
export const relapseKindSchema = z.enum([
  'readmission',
  'dose_increase',
  'medication_restarted',
  'crisis_plan_activated',
  'involuntary_admission',
  'other',
]);

export const relapseSeveritySchema = z.enum(['mild', 'moderate', 'severe']);

export type RelapseKind = z.infer<typeof relapseKindSchema>;
export type RelapseSeverity = z.infer<typeof relapseSeveritySchema>;
