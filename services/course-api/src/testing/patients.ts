import { DateTime } from 'luxon';
import type { IdentityInput } from '../vault/identity.js';
import { makeNationalIdentityNumber } from '../vault/nationalIdentityNumberGenerator.js';
import type { TestApp } from './testApp.js';
import type { TestUser } from './testIssuer.js';

// About 400 numbers exist per birth date; move to the next date before running out.
const NUMBERS_PER_DATE = 400;
let issued = 0;

/** A new, valid identity whose number no other identity of the run has. */
export function newIdentity(overrides: Partial<IdentityInput> = {}): IdentityInput {
  const serial = issued;
  issued += 1;
  const birthDate = DateTime.fromISO('1950-01-01').plus({ days: Math.floor(serial / NUMBERS_PER_DATE) }).toISODate() ?? '';
  return {
    givenName: 'Kari',
    familyName: `Nordmann${serial}`,
    nationalIdentityNumber: makeNationalIdentityNumber(birthDate, { index: serial % NUMBERS_PER_DATE }),
    contact: { phone: '+47 912 34 567' },
    ...overrides,
  };
}

/** Registers a patient through the API and returns the new id. */
export async function registerPatient(app: TestApp, by: TestUser, unitId: string, identity: IdentityInput = newIdentity()): Promise<string> {
  const response = await app.http().post('/patients').set('Authorization', await app.bearer(by)).send({ unitId, identity });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { patientId: string }).patientId;
}
