import type { DomainConfig } from '../kernel/domainConfig.js';

/** The state of a `patient-<patientId>` stream: facts about the patient across units and courses. */
export interface PatientState {
  /** The patient's last recorded research choice; null when none was recorded. */
  readonly researchReservation: { readonly reserved: boolean; readonly since: string } | null;
}

export const initialPatientState: PatientState = { researchReservation: null };

/** Whether the patient is reserved against research use, and whether that is their own choice or the site default. */
export interface EffectiveResearchReservation {
  readonly reserved: boolean;
  readonly source: 'recorded' | 'default';
  readonly since: string | null;
}

/**
 * The reservation in force: the recorded choice, else the configured default. A function of
 * state and config because the default is site configuration, not a fact in the stream.
 */
export function effectiveResearchReservation(state: PatientState, config: DomainConfig): EffectiveResearchReservation {
  const recorded = state.researchReservation;
  if (recorded) return { reserved: recorded.reserved, source: 'recorded', since: recorded.since };
  return { reserved: config.researchReservedByDefault, source: 'default', since: null };
}
