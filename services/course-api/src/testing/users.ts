import type { TestUser } from './testIssuer.js';

/** The cast of the tests: one of each role, clinicians at two units. */
export const users = {
  clinicianAsgard: { sub: 'clinician-asgard', role: 'clinician', units: ['unn-asgard'] },
  clinicianVegsund: { sub: 'clinician-vegsund', role: 'clinician', units: ['vegsund-dps'] },
  admin: { sub: 'admin-1', role: 'admin' },
  researcher: { sub: 'researcher-1', role: 'researcher' },
} satisfies Record<string, TestUser>;

export const patientUser = (patientId: string): TestUser => ({ sub: `patient-${patientId}`, role: 'patient', patient_id: patientId });
