import { randomUUID } from 'node:crypto';
import { principalFromClaims } from './principal.js';

const issuer = 'https://issuer.example';
const exp = 2_000_000_000;
const expiresAt = new Date(exp * 1000);

test('each kind of user becomes its principal, other claims ignored', () => {
  const patientId = randomUUID();
  expect(principalFromClaims(issuer, { sub: 'c', exp, role: 'clinician', units: ['unn-asgard'], name: 'x' }))
    .toEqual({ issuer, subject: 'c', expiresAt, role: 'clinician', units: ['unn-asgard'] });
  expect(principalFromClaims(issuer, { sub: 'p', exp, role: 'patient', patient_id: patientId }))
    .toEqual({ issuer, subject: 'p', expiresAt, role: 'patient', patientId });
  expect(principalFromClaims(issuer, { sub: 'r', exp, role: 'researcher' })).toEqual({ issuer, subject: 'r', expiresAt, role: 'researcher' });
  expect(principalFromClaims(issuer, { sub: 'a', exp, role: 'admin' })).toEqual({ issuer, subject: 'a', expiresAt, role: 'admin' });
});

test.each([
  ['a clinician without units', { sub: 'c', exp, role: 'clinician' }],
  ['a clinician with a unit id that is not one', { sub: 'c', exp, role: 'clinician', units: ['Unn Asgard'] }],
  ['a patient without a uuid', { sub: 'p', exp, role: 'patient', patient_id: 'not-a-uuid' }],
  ['an unknown role', { sub: 'x', exp, role: 'superuser' }],
  ['no role', { sub: 'x', exp }],
  ['an empty subject', { sub: '', exp, role: 'admin' }],
  ['no expiry', { sub: 'a', role: 'admin' }],
])('%s describes no principal', (_name, claims) => {
  expect(principalFromClaims(issuer, claims)).toBeNull();
});
