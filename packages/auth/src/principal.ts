import { z } from 'zod';

/** Who is calling, from a verified token; shared by every request that presents the token. */
export type Principal = { readonly issuer: string; readonly subject: string; readonly expiresAt: Date } & (
  | { readonly role: 'clinician'; readonly units: readonly string[] }
  | { readonly role: 'patient'; readonly patientId: string }
  | { readonly role: 'researcher' }
  | { readonly role: 'admin' }
);

export const unitIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a unit id: lower-case letters, digits and dashes');

const subject = z.string().min(1);
const expiry = z.number();

/** The claims a principal is made of; anything else in the token is ignored. */
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: subject, exp: expiry, role: z.literal('clinician'), units: z.array(unitIdSchema) }),
  z.object({ sub: subject, exp: expiry, role: z.literal('patient'), patient_id: z.uuid() }),
  z.object({ sub: subject, exp: expiry, role: z.literal('researcher') }),
  z.object({ sub: subject, exp: expiry, role: z.literal('admin') }),
]);

/** The principal the claims describe, or null when they do not describe one. */
export function principalFromClaims(issuer: string, payload: unknown): Principal | null {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const claims = parsed.data;
  const who = { issuer, subject: claims.sub, expiresAt: new Date(claims.exp * 1000) };
  switch (claims.role) {
    case 'clinician':
      return { ...who, role: 'clinician', units: claims.units };
    case 'patient':
      return { ...who, role: 'patient', patientId: claims.patient_id };
    default:
      return { ...who, role: claims.role };
  }
}
