import { z } from 'zod';
import { checkNationalIdentityNumber } from './nationalIdentityNumber.js';

const reasons = {
  format: 'must be 11 digits',
  'check-digits': 'check digits do not match',
  date: 'does not encode a valid birth date',
} as const;

/** Fødselsnummer or D-number, both check digits verified. */
export const nationalIdentityNumberSchema = z.string().regex(/^\d{11}$/, reasons.format).superRefine((value, context) => {
  const check = checkNationalIdentityNumber(value);
  if (!check.ok && check.reason !== 'format') context.addIssue({ code: 'custom', message: reasons[check.reason] });
}).describe('Norwegian national identity number (fødselsnummer or D-number), 11 digits');

const personName = z.string().trim().min(1).max(200);

const contactSchema = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9 ]{4,20}$/, 'digits, spaces and an optional leading +').optional(),
  email: z.email().max(254).optional(),
  address: z.string().trim().min(1).max(500).optional(),
});

export const identityInputSchema = z.strictObject({
  givenName: personName,
  familyName: personName,
  nationalIdentityNumber: nationalIdentityNumberSchema,
  contact: contactSchema.default({}),
});
export type IdentityInput = z.output<typeof identityInputSchema>;

/** What the vault stores (sealed) and returns: the input plus the birth date the number encodes. */
export interface Identity extends IdentityInput {
  birthDate: string;
}

export const identityViewSchema = z.discriminatedUnion('erased', [
  z.object({
    patientId: z.uuid(),
    erased: z.literal(false),
    givenName: z.string(),
    familyName: z.string(),
    nationalIdentityNumber: z.string(),
    birthDate: z.iso.date(),
    contact: contactSchema,
  }),
  z.object({ patientId: z.uuid(), erased: z.literal(true) }),
]);
