import { z } from 'zod';

/** Why an entry was entered in error; `other` needs a note saying why. */
export const correctionReason = z.enum(['wrong_patient', 'wrong_time', 'wrong_value', 'duplicate', 'other']);
export type CorrectionReason = z.infer<typeof correctionReason>;
