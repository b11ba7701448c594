import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case code');

export const regionSchema = z.object({
  id: code,
  name: z.string().min(1),
  counties: z.array(z.string()),
});

export const unitSchema = z.object({
  id: code,
  name: z.string().min(1),
  trust: z.string(),
  region: code,
  opened: z.iso.date(),
  earmarkedBeds: z.number().int().nonnegative(),
  dayPlaces: z.number().int().nonnegative(),
  outpatientPlaces: z.number().int().nonnegative(),
  separateUnit: z.boolean(),
  userControlledBed: z.boolean(),
  programmeWeeks: z.number().int().positive().optional(),
  fixedSchedule: z.boolean().optional(),
  prioritizedGroups: z.array(code),
  acceptedReferralSources: z.array(code),
  requiresPatientStatement: z.boolean().optional(),
  exclusionReasons: z.array(code),
});

export const codedLabelSchema = z.object({ code, label: z.string().min(1) });

export const diagnosisGroupSchema = codedLabelSchema.extend({
  icd10: z.array(z.string().regex(/^[A-Z]\d{2}(-[A-Z]\d{2})?$/)),
});

export const medicationSchema = z.object({
  atc: z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'ATC level 5 code'),
  name: z.string().min(1),
  class: code,
  /** WHO defined daily dose, in `unit`. */
  ddd: z.number().positive(),
  unit: z.string().min(1),
});

export const medicationsFileSchema = z.object({
  note: z.string().optional(),
  medications: z.array(medicationSchema),
});

export type Region = z.infer<typeof regionSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type CodedLabel = z.infer<typeof codedLabelSchema>;
export type DiagnosisGroup = z.infer<typeof diagnosisGroupSchema>;
export type Medication = z.infer<typeof medicationSchema>;
