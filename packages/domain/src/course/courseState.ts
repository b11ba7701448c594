import { initialAdmissionState, type AdmissionState } from '../admission/admissionState.js';
import { initialTreatmentState, type TreatmentState } from '../treatment/treatmentState.js';
import { initialMedicationState, type MedicationState } from '../medication/medicationState.js';
import { initialTaperingState, type TaperingState } from '../tapering/taperingState.js';
import { initialObservationState, type ObservationState } from '../observation/observationState.js';
import { initialRelapseState, type RelapseState } from '../relapse/relapseState.js';
import { initialBedState, type BedState } from '../userControlledBed/bedState.js';

/** A clinical entry that may be marked entered-in-error; it stays in history, flagged. */
export interface EntryRecord {
  readonly type: string;
  readonly retracted: boolean;
}

/**
 * Everything known about one patient's course at one unit: the state of the
 * `course-<courseId>` stream. Each slice belongs to one area (see courseArea.ts).
 */
export interface CourseState {
  /** Null until the course has started (its first admission). */
  readonly course: { readonly courseId: string; readonly patientId: string; readonly unitId: string } | null;
  readonly admission: AdmissionState;
  readonly treatment: TreatmentState;
  readonly medication: MedicationState;
  readonly tapering: TaperingState;
  readonly observation: ObservationState;
  readonly relapse: RelapseState;
  readonly bed: BedState;
  /**
   * Clinical entries by entryId, for corrections. A Map, not an object: nearly every event
   * adds a new id, and an object given a new key per event makes a new hidden class each time.
   */
  readonly entries: ReadonlyMap<string, EntryRecord>;
}

export const initialCourseState: CourseState = {
  course: null,
  admission: initialAdmissionState,
  treatment: initialTreatmentState,
  medication: initialMedicationState,
  tapering: initialTaperingState,
  observation: initialObservationState,
  relapse: initialRelapseState,
  bed: initialBedState,
  entries: new Map(),
};
