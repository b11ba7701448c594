/** State of the admission part of a course; evolved only by this area's events. */
export interface AdmissionState {
  readonly placeholder?: never;
}

export const initialAdmissionState: AdmissionState = {};
