import type { PatientDirectory } from '../directory/patientDirectory.js';
import type { Principal } from './principal.js';

/**
 * Who may call a route, as data: the router evaluates it, the authorization matrix test
 * derives its expectations from it, and the OpenAPI document describes it.
 */
export type Policy<I> =
  | { kind: 'admin' }
  | { kind: 'clinicianOfUnit'; unit: (input: I) => string }
  | { kind: 'clinicianOfPatient'; patient: (input: I) => string }
  | { kind: 'patientSelf'; patient: (input: I) => string }
  | { kind: 'anyOf'; policies: readonly Policy<I>[] };

/** The policy constructors, typed for one route's input (routes receive them already typed). */
export interface PolicyBuilder<I> {
  admin: Policy<I>;
  /** A clinician working at the unit the input names. */
  clinicianOfUnit(unit: (input: I) => string): Policy<I>;
  /** A clinician working at one of the units the patient is in care at (see PatientDirectory). */
  clinicianOfPatient(patient: (input: I) => string): Policy<I>;
  /** The patient the input names, themself. */
  patientSelf(patient: (input: I) => string): Policy<I>;
  anyOf(...policies: Policy<I>[]): Policy<I>;
}

export function policyBuilder<I>(): PolicyBuilder<I> {
  return {
    admin: { kind: 'admin' },
    clinicianOfUnit: (unit) => ({ kind: 'clinicianOfUnit', unit }),
    clinicianOfPatient: (patient) => ({ kind: 'clinicianOfPatient', patient }),
    patientSelf: (patient) => ({ kind: 'patientSelf', patient }),
    anyOf: (...policies) => ({ kind: 'anyOf', policies }),
  };
}

/** Why access was granted: the unit through which a clinician got in (for the access log). */
export interface Grant {
  unitId: string | null;
}

/** The grant, or null when the principal may not call the route with this input. */
export async function authorize<I>(policy: Policy<I>, principal: Principal, input: I, directory: PatientDirectory): Promise<Grant | null> {
  switch (policy.kind) {
    case 'admin':
      return principal.role === 'admin' ? { unitId: null } : null;
    case 'patientSelf':
      return principal.role === 'patient' && principal.patientId === policy.patient(input) ? { unitId: null } : null;
    case 'clinicianOfUnit': {
      const unitId = policy.unit(input);
      return principal.role === 'clinician' && principal.units.includes(unitId) ? { unitId } : null;
    }
    case 'clinicianOfPatient': {
      if (principal.role !== 'clinician') return null;
      const unitId = await directory.sharedUnit(policy.patient(input), principal.units);
      return unitId === undefined ? null : { unitId };
    }
    case 'anyOf':
      for (const alternative of policy.policies) {
        const grant = await authorize(alternative, principal, input, directory);
        if (grant) return grant;
      }
      return null;
  }
}

/** Plain-language summary for the API documentation. */
export function describePolicy<I>(policy: Policy<I>): string {
  switch (policy.kind) {
    case 'admin':
      return 'an administrator';
    case 'clinicianOfUnit':
      return 'a clinician working at the unit';
    case 'clinicianOfPatient':
      return "a clinician working at one of the patient's units";
    case 'patientSelf':
      return 'the patient themself';
    case 'anyOf':
      return policy.policies.map(describePolicy).join(', or ');
  }
}
