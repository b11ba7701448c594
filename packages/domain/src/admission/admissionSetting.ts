import { z } from 'zod';
import type { AdmissionSetting } from './admissionState.js';

/**
 * Not checked against a unit's reference capacity: outpatient courses (Helse Vest) have no
 * counted places, so a count of 0 does not mean the unit lacks the setting.
 */
export const admissionSetting = z.enum(['earmarked_bed', 'day_place', 'outpatient']) satisfies z.ZodType<AdmissionSetting>;
