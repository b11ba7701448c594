import type { PatientDirectory } from '../directory/patientDirectory.js';
import { authorize, describePolicy, policyBuilder } from './policy.js';
import type { Principal } from './principal.js';

interface Input {
  unitId: string;
  patientId: string;
}

const can = policyBuilder<Input>();
const directory: PatientDirectory = {
  sharedUnit: async (patientId, units) => (patientId === 'p-asgard' ? units.find((unit) => ['unn-asgard', 'other-unit'].includes(unit)) : undefined),
  inUnit: async () => [],
  addToUnit: async () => undefined,
};
const issuer = 'https://idp.example';
const expiresAt = new Date('2030-01-01T00:00:00Z');
const clinician: Principal = { issuer, subject: 'c', expiresAt, role: 'clinician', units: ['unn-asgard'] };
const patient: Principal = { issuer, subject: 'p', expiresAt, role: 'patient', patientId: 'p-asgard' };
const administrator: Principal = { issuer, subject: 'a', expiresAt, role: 'admin' };
const researcher: Principal = { issuer, subject: 'r', expiresAt, role: 'researcher' };
const own: Input = { unitId: 'unn-asgard', patientId: 'p-asgard' };
const other: Input = { unitId: 'vegsund-dps', patientId: 'p-vegsund' };

const check = (policy: Parameters<typeof authorize<Input>>[0], principal: Principal, input: Input) =>
  authorize(policy, principal, input, directory);

test('clinicianOfUnit lets in clinicians of that unit only, naming the unit', async () => {
  const policy = can.clinicianOfUnit((input) => input.unitId);
  expect(await check(policy, clinician, own)).toEqual({ unitId: 'unn-asgard' });
  expect(await check(policy, clinician, other)).toBeNull();
  expect(await check(policy, administrator, own)).toBeNull();
});

test("clinicianOfPatient goes through the directory and names the shared unit", async () => {
  const policy = can.clinicianOfPatient((input) => input.patientId);
  expect(await check(policy, clinician, own)).toEqual({ unitId: 'unn-asgard' });
  expect(await check(policy, clinician, other)).toBeNull();
  expect(await check(policy, patient, own)).toBeNull();
});

test('patientSelf lets in only that patient', async () => {
  const policy = can.patientSelf((input) => input.patientId);
  expect(await check(policy, patient, own)).toEqual({ unitId: null });
  expect(await check(policy, patient, other)).toBeNull();
  expect(await check(policy, clinician, own)).toBeNull();
});

test('admin lets in administrators only; researchers get nothing here', async () => {
  expect(await check(can.admin, administrator, own)).toEqual({ unitId: null });
  for (const principal of [clinician, patient, researcher]) expect(await check(can.admin, principal, own)).toBeNull();
});

test('anyOf grants through the first alternative that does', async () => {
  const policy = can.anyOf(can.patientSelf((input) => input.patientId), can.clinicianOfPatient((input) => input.patientId), can.admin);
  expect(await check(policy, patient, own)).toEqual({ unitId: null });
  expect(await check(policy, clinician, own)).toEqual({ unitId: 'unn-asgard' });
  expect(await check(policy, administrator, other)).toEqual({ unitId: null });
  expect(await check(policy, researcher, own)).toBeNull();
  expect(describePolicy(policy)).toBe("the patient themself, or a clinician working at one of the patient's units, or an administrator");
});
