import type { TaperingStepLink } from '../tapering/taperingStepLink.js';

export type Rater = 'patient' | 'clinician';

export interface WithdrawalSymptomsEntry {
  readonly entryId: string;
  readonly occurredAt: string;
  readonly rater: Rater;
  /** Sum of the severities (each 0-3). */
  readonly total: number;
  readonly taperingSteps: readonly TaperingStepLink[];
}

export interface PatientExperienceEntry {
  readonly entryId: string;
  readonly occurredAt: string;
  /** 0 (worst) to 10 (best). */
  readonly mood: number;
  readonly taperingSteps: readonly TaperingStepLink[];
}

/**
 * State of the observation part of a course; evolved only by this area's events. Free text
 * stays in the events (sealed personal data), not here. Retracted entries stay listed;
 * `CourseState.entries` says which.
 */
export interface ObservationState {
  readonly withdrawalSymptoms: readonly WithdrawalSymptomsEntry[];
  readonly experiences: readonly PatientExperienceEntry[];
}

export const initialObservationState: ObservationState = { withdrawalSymptoms: [], experiences: [] };
