import { DateTime } from 'luxon';
import { DomainError } from '../kernel/domainError.js';
import { calendarDaysBetween, localZone } from '../kernel/calendarDays.js';
import type { BedState } from './bedState.js';

/** Why a stay may not be granted; the same codes are the reasons a clinician records when denying one. */
export const agreementRefusal = { expired: 'agreement_expired', outsideLimits: 'outside_agreement_limits' } as const;

/**
 * Whether a stay of `nights` may be granted at `at` under the course's agreement: the
 * agreement is in force that day (in Norway), the stay fits the nights per stay, enough
 * days have passed since the last stay, and the stays of the period are not used up.
 */
export function refuseOutsideAgreement(bed: BedState, nights: number, at: string): DomainError | null {
  const { agreement } = bed;
  const day = DateTime.fromISO(at, { zone: 'utc' }).setZone(localZone).toISODate() as string;
  if (!agreement || agreement.endedAt !== null || day < agreement.validFrom || day > agreement.validTo) {
    return new DomainError(agreementRefusal.expired, 'No user-controlled bed agreement is in force today', {
      validFrom: agreement?.validFrom ?? null,
      validTo: agreement?.validTo ?? null,
      endedAt: agreement?.endedAt ?? null,
    });
  }
  if (nights > agreement.maxNightsPerStay) {
    return new DomainError(agreementRefusal.outsideLimits, `The agreement allows ${agreement.maxNightsPerStay} nights per stay`, {
      limit: 'max_nights_per_stay',
      nights,
      maxNightsPerStay: agreement.maxNightsPerStay,
    });
  }
  const lastCheckOut = bed.stays.findLast((stay) => stay.checkedOutAt !== null)?.checkedOutAt;
  if (lastCheckOut && calendarDaysBetween(lastCheckOut, at) < agreement.minimumDaysBetweenStays) {
    return new DomainError(agreementRefusal.outsideLimits, `The agreement asks for ${agreement.minimumDaysBetweenStays} days between stays`, {
      limit: 'minimum_days_between_stays',
      daysSinceLastStay: calendarDaysBetween(lastCheckOut, at),
      minimumDaysBetweenStays: agreement.minimumDaysBetweenStays,
    });
  }
  const period = agreement.maxStaysPerPeriod;
  const staysInPeriod = period ? bed.stays.filter((stay) => calendarDaysBetween(stay.checkedInAt, at) < period.periodDays).length : 0;
  if (period && staysInPeriod >= period.stays) {
    return new DomainError(agreementRefusal.outsideLimits, `The agreement allows ${period.stays} stays in ${period.periodDays} days`, {
      limit: 'max_stays_per_period',
      staysInPeriod,
      maxStaysPerPeriod: period,
    });
  }
  return null;
}
