import { z } from 'zod';

/** Who is calling, from a verified token. */
export type Principal = { issuer: string; subject: string } & (
  | { role: 'clinician'; units: readonly string[] }
  | { role: 'patient'; patientId: string }
  | { role: 'researcher' }
  | { role: 'admin' }
);

export const unitIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a unit id: lower-case letters, digits and dashes');

/** The claims this service reads; anything else in the token is ignored. */
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('clinician'), units: z.array(unitIdSchema) }),
  z.object({ sub: z.string().min(1), role: z.literal('patient'), patient_id: z.uuid() }),
  z.object({ sub: z.string().min(1), role: z.literal('researcher') }),
  z.object({ sub: z.string().min(1), role: z.literal('admin') }),
]);

/** The principal the claims describe, or null when they do not describe one. */
export function principalFromClaims(issuer: string, payload: unknown): Principal | null {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const claims = parsed.data;
  const who = { issuer, subject: claims.sub };
  switch (claims.role) {
    case 'clinician':
      return { ...who, role: 'clinician', units: claims.units };
    case 'patient':
      return { ...who, role: 'patient', patientId: claims.patient_id };
    default:
      return { ...who, role: claims.role };
  }
}

/** One string per principal: scopes idempotency keys and rate limits. */
export const principalKey = (principal: Principal) => `${principal.issuer}#${principal.subject}`;
