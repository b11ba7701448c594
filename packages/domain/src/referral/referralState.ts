/**
 * Where a referral stands. `accepted` and `waitlisted` are open (an offer stands or will come);
 * `rejected`, `declined` (by the patient) and `withdrawn` are closed.
 */
export type ReferralStatus = 'received' | 'accepted' | 'waitlisted' | 'rejected' | 'declined' | 'withdrawn';

export const closedReferralStatuses: readonly ReferralStatus[] = ['rejected', 'declined', 'withdrawn'];

export interface Referral {
  readonly referralId: string;
  readonly patientId: string;
  readonly unitId: string;
  readonly source: string;
  readonly diagnosisGroup: string;
  readonly receivedAt: string;
  /** Recorded flags: the unit did not accept the source, or wanted a patient statement that was missing. */
  readonly sourceAccepted: boolean;
  readonly statementMissing: boolean;
  readonly status: ReferralStatus;
  readonly assessedAt: string | null;
  readonly rejectionReasons: readonly string[];
  readonly closedAt: string | null;
}

/** The state of a `referral-<referralId>` stream: null until the referral is registered. */
export interface ReferralState {
  readonly referral: Referral | null;
}

export const initialReferralState: ReferralState = { referral: null };
