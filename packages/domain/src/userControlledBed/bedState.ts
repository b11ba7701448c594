import { RecordsById } from '../kernel/recordsById.js';

/** The limits written in a user-controlled bed agreement. */
export interface BedAgreement {
  readonly agreementId: string;
  /** Calendar dates (ISO), both inclusive. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly maxNightsPerStay: number;
  readonly minimumDaysBetweenStays: number;
  /** At most this many stays in any window of `periodDays` days; null when unlimited. */
  readonly maxStaysPerPeriod: { readonly stays: number; readonly periodDays: number } | null;
  readonly endedAt: string | null;
}

export type BedStayRequestStatus = 'pending' | 'granted' | 'denied' | 'checked_in';

export interface BedStayRequest {
  readonly requestId: string;
  readonly requestedAt: string;
  readonly nights: number;
  readonly status: BedStayRequestStatus;
}

export interface BedStay {
  readonly stayId: string;
  readonly requestId: string;
  readonly checkedInAt: string;
  readonly checkedOutAt: string | null;
  readonly nights: number | null;
  /** Flagged, never blocked: nobody is sent out of a bed in a crisis by software. */
  readonly overstay: boolean;
  readonly nightsOver: number;
}

/** State of the user-controlled bed part of a course; evolved only by this area's events. */
export interface BedState {
  /** The latest agreement (possibly expired or ended), or null when none was ever made. */
  readonly agreement: BedAgreement | null;
  readonly requests: RecordsById<BedStayRequest>;
  /** The stay in progress; its night limit is the agreement's at check-in. */
  readonly openStay: { readonly stayId: string; readonly checkedInAt: string; readonly requestId: string; readonly maxNightsPerStay: number } | null;
  /** Every stay, oldest first, including the open one. */
  readonly stays: readonly BedStay[];
}

export const initialBedState: BedState = { agreement: null, requests: RecordsById.empty(), openStay: null, stays: [] };
