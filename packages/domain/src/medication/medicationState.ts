/** State of the medication part of a course; evolved only by this area's events. */
export interface MedicationState {
  readonly placeholder?: never;
}

export const initialMedicationState: MedicationState = {};
