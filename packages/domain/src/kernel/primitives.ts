import { z } from 'zod';

/** Schemas shared by every command and event. */
export const uuid = z.uuid();
/** An instant, ISO 8601 in UTC with `Z`, as stored and sent on the wire. */
export const instant = z.iso.datetime({ offset: false });
/** A calendar date, ISO 8601. */
export const isoDate = z.iso.date();
export const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).max(100);
export const nonEmptyText = z.string().trim().min(1).max(10000);
export const atcCode = z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'ATC level 5 code, e.g. N05AH03');
export const icd10Code = z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'ICD-10 code, e.g. F20.0');
export const positiveDose = z.number().positive().finite();
export const dose = z.number().nonnegative().finite();

/**
 * Free text written about or by a patient. It is personal data: the service seals it
 * with the patient's key before the event is stored (architecture: personal data), so
 * events declare which of their fields hold it (see `defineEvent`).
 */
export const personalText = z.string().trim().min(1).max(10000);
