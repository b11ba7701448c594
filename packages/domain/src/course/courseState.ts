import { CourseEntries } from '../correction/courseEntries.js';
import { initialAdmissionState, type AdmissionState } from '../admission/admissionState.js';
import { initialTreatmentState, type TreatmentState } from '../treatment/treatmentState.js';
import { initialMedicationState, type MedicationState } from '../medication/medicationState.js';
import { initialTaperingState, type TaperingState } from '../tapering/taperingState.js';
import { initialObservationState, type ObservationState } from '../observation/observationState.js';
import { initialRelapseState, type RelapseState } from '../relapse/relapseState.js';
import { initialBedState, type BedState } from '../userControlledBed/bedState.js';

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
  /** Clinical entries by entryId, for corrections. */
  readonly entries: CourseEntries;
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
  entries: CourseEntries.none,
};
