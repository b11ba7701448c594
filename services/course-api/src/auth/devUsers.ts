import type { JWTPayload } from 'jose';

export interface DevUser {
  id: string;
  description: string;
  /** The token claims this user gets (besides iss, aud, sub, iat, exp). */
  claims: JWTPayload & { role: string };
}

/** Fixed demo patient ids, so demo data and bookmarks survive restarts. */
export const DEMO_PATIENT_IDS = {
  ingrid: '6f1c1f0e-5b8a-4d3c-9a7e-2b1d0c9e8f01',
  ola: '0d9b5a3c-7e2f-4a1b-8c6d-5e4f3a2b1c02',
} as const;

/** `POST /dev/token {"user": "patient", "patientId": "<id>"}`: a token for any registered patient. */
export const PATIENT_BY_ID = 'patient';

export const devUsers: readonly DevUser[] = [
  { id: 'clinician-asgard', description: 'Clinician at Åsgård (UNN, Tromsø)', claims: { role: 'clinician', units: ['unn-asgard'] } },
  { id: 'clinician-vegsund', description: 'Clinician at Vegsund DPS (Ålesund)', claims: { role: 'clinician', units: ['vegsund-dps'] } },
  { id: 'admin', description: 'Administrator', claims: { role: 'admin' } },
  { id: 'researcher', description: 'Researcher', claims: { role: 'researcher' } },
  { id: 'patient-ingrid', description: 'Patient (demo id ingrid)', claims: { role: 'patient', patient_id: DEMO_PATIENT_IDS.ingrid } },
  { id: 'patient-ola', description: 'Patient (demo id ola)', claims: { role: 'patient', patient_id: DEMO_PATIENT_IDS.ola } },
];
