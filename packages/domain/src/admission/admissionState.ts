/** Where a patient is admitted: an earmarked bed, a day place, or an outpatient course. */
export type AdmissionSetting = 'earmarked_bed' | 'day_place' | 'outpatient';

/** One admission of the course, kept so readmissions and lengths of stay can be read from state. */
export interface AdmissionRecord {
  readonly admissionId: string;
  readonly setting: AdmissionSetting;
  readonly admittedAt: string;
  readonly dischargedAt: string | null;
  /** True when the course had an earlier discharge before this admission. */
  readonly readmission: boolean;
}

/** State of the admission part of a course; evolved only by this area's events. */
export interface AdmissionState {
  /** The open admission, or null when the patient is not admitted. */
  readonly current: { readonly admissionId: string; readonly setting: AdmissionSetting; readonly admittedAt: string } | null;
  /** Every admission of the course, oldest first. */
  readonly history: readonly AdmissionRecord[];
}

export const initialAdmissionState: AdmissionState = { current: null, history: [] };
