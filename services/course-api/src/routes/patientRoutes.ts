import { DateTime } from 'luxon';
import { z } from 'zod';
import { unitIdSchema } from '../auth/principal.js';
import { withTransaction } from '../db/transaction.js';
import { notVisible, ProblemError, validationProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import { identityInputSchema, identityViewSchema, nationalIdentityNumberSchema, type Identity } from '../vault/identity.js';
import { birthDateOf } from '../vault/nationalIdentityNumber.js';
import type { PersonalDataVault } from '../vault/personalDataVault.js';

const tags = ['Patients'];
const patientParams = z.strictObject({ patientId: z.uuid() });
const byPatientId = ({ params }: { params: z.output<typeof patientParams> }) => params.patientId;

export const registerPatient = defineRoute({
  operationId: 'registerPatient',
  method: 'post',
  path: '/patients',
  summary: 'Register a patient at a unit, with their identity',
  description: 'Creates a patient id and stores the identity in the personal-data vault, encrypted with a new key for the patient. '
    + 'The patient is then in care at the unit, so its clinicians can find them.',
  tags,
  body: z.strictObject({ unitId: unitIdSchema, identity: identityInputSchema }),
  response: { status: 201, description: 'Registered', schema: z.object({ patientId: z.uuid() }) },
  policy: (can) => can.anyOf(can.clinicianOfUnit(({ body }) => body.unitId), can.admin),
  async handler({ input: { body }, principal, services, newId }) {
    const birthDate = birthDateOf(body.identity.nationalIdentityNumber);
    const today = DateTime.fromJSDate(services.clock.now()).setZone('Europe/Oslo').startOf('day');
    if (DateTime.fromISO(birthDate, { zone: 'Europe/Oslo' }) > today) {
      throw validationProblem([{ path: 'body.identity.nationalIdentityNumber', message: 'encodes a birth date in the future' }]);
    }
    const identity: Identity = { ...body.identity, birthDate };
    const patientId = newId();
    await withTransaction(services.pool, async (transaction) => {
      await services.vault.register(transaction, patientId, identity, principal.subject);
      await services.directory.addToUnit(transaction, patientId, body.unitId, services.clock.now());
    });
    return { body: { patientId }, location: `/patients/${patientId}/identity` };
  },
});

const searchQuery = z.strictObject({
  nationalIdentityNumber: nationalIdentityNumberSchema.optional(),
  name: z.string().trim().min(1).max(200).regex(/[\p{L}\p{N}]/u, 'must contain a letter or digit').optional(),
  patientId: z.uuid().optional(),
}).refine((query) => Object.values(query).filter((value) => value !== undefined).length === 1, {
  message: 'give exactly one of nationalIdentityNumber, name or patientId',
});

/** Candidates from the blind index (or the id itself), before narrowing to the unit. */
function candidates(vault: PersonalDataVault, query: z.output<typeof searchQuery>): Promise<string[]> {
  if (query.patientId !== undefined) return Promise.resolve([query.patientId]);
  if (query.nationalIdentityNumber !== undefined) return vault.findByNationalIdentityNumber(query.nationalIdentityNumber);
  return vault.findByName(query.name ?? '');
}

const patientSummary = z.object({ patientId: z.uuid(), givenName: z.string(), familyName: z.string(), birthDate: z.iso.date() });

export const searchPatients = defineRoute({
  operationId: 'searchPatients',
  method: 'post',
  path: '/units/:unitId/patients/search',
  summary: "Find patients in care at a unit by identity number, name or id",
  description: 'Looks up the keyed blind index, never decrypting identities to search. Every name in the name query must match. '
    + 'A POST so that identity numbers never appear in URLs; it changes nothing. Erased patients are not found.',
  tags,
  readOnly: true,
  params: z.strictObject({ unitId: unitIdSchema }),
  body: searchQuery,
  response: { status: 200, description: 'Matches (at most 50)', schema: z.object({ patients: z.array(patientSummary) }) },
  policy: (can) => can.anyOf(can.clinicianOfUnit(({ params }) => params.unitId), can.admin),
  accessLog: { resource: 'patient.search-result', patients: (_input, body) => body.patients.map((patient) => patient.patientId) },
  async handler({ input: { params, body }, services }) {
    const inUnit = await services.directory.inUnit(await candidates(services.vault, body), params.unitId);
    const identities = await services.vault.readIdentities(inUnit);
    const patients = inUnit.flatMap((patientId) => {
      const identity = identities.get(patientId);
      return identity && !('erased' in identity) ? [{ patientId, ...identity }] : [];
    });
    return { body: { patients } };
  },
});

export const readIdentity = defineRoute({
  operationId: 'readIdentity',
  method: 'get',
  path: '/patients/:patientId/identity',
  summary: "Read a patient's identity",
  description: 'Decrypts the identity from the vault. Recorded in the access log unless the patient reads it themself.',
  tags,
  params: patientParams,
  response: { status: 200, description: 'The identity, or an erased marker', schema: identityViewSchema },
  policy: (can) => can.anyOf(can.patientSelf(byPatientId), can.clinicianOfPatient(byPatientId), can.admin),
  accessLog: { resource: 'patient.identity', patients: ({ params }) => [params.patientId] },
  async handler({ input: { params }, services }) {
    const identity = await services.vault.readIdentity(params.patientId);
    if (identity === null) throw notVisible();
    if ('erased' in identity) return { body: { patientId: params.patientId, erased: true as const } };
    return { body: { patientId: params.patientId, erased: false, ...identity } };
  },
});

export const erasePatient = defineRoute({
  operationId: 'erasePatient',
  method: 'post',
  path: '/patients/:patientId/erasure',
  summary: "Erase a patient's personal data (crypto-shredding)",
  description: "Deletes the patient's key and blind-index entries: the identity and every sealed free text become unreadable at once; "
    + 'the clinical history stays consistent. Irreversible, so only an administrator does it, on a request whose identity was verified; '
    + 'the erasure itself is recorded with the request reference.',
  tags,
  params: patientParams,
  body: z.strictObject({
    requestReference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/, 'a case or document number (no names)'),
    verification: z.enum(['in-person-id-check', 'electronic-id', 'signed-letter']),
  }),
  response: {
    status: 200,
    description: 'Erased now, or already erased before',
    schema: z.object({ patientId: z.uuid(), outcome: z.enum(['erased', 'already-erased']) }),
  },
  policy: (can) => can.admin,
  async handler({ input: { params, body }, principal, services }) {
    const outcome = await services.vault.erase(params.patientId, { erasedBy: principal.subject, ...body });
    if (outcome === 'unknown') throw new ProblemError('not-found', 'No such patient');
    return { body: { patientId: params.patientId, outcome } };
  },
});
