/** State of the treatment part of a course; evolved only by this area's events. */
export interface TreatmentState {
  readonly placeholder?: never;
}

export const initialTreatmentState: TreatmentState = {};
