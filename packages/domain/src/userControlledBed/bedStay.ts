import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { uuid } from '../kernel/primitives.js';
import { calendarDaysBetween } from '../kernel/calendarDays.js';
import { compareInstants, occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import type { BedState } from './bedState.js';
import { setRequestStatus } from './bedStayRequest.js';

const maxNightsPerStay = z.number().int().positive();

export const checkInBedStayCommand = courseCommand('CheckInBedStay', 'The patient checks in to the user-controlled bed, on a granted request', {});
export type CheckInBedStay = z.infer<typeof checkInBedStayCommand>;

export const checkOutBedStayCommand = courseCommand('CheckOutBedStay', 'The patient checks out of the user-controlled bed; nights over the agreement are flagged, never blocked', {});
export type CheckOutBedStay = z.infer<typeof checkOutBedStayCommand>;

export const bedStayCheckedIn = defineEvent('BedStayCheckedIn', { stayId: uuid, requestId: uuid, maxNightsPerStay });
export type BedStayCheckedIn = EventOf<typeof bedStayCheckedIn>;

/**
 * An overstay is a fact to follow up, not a rule to enforce: software does not put a
 * person in crisis out of a bed. `discharged`: the stay ended with a discharge.
 */
export const bedStayCheckedOut = defineEvent('BedStayCheckedOut', {
  stayId: uuid,
  /** Calendar nights in Norway between check-in and check-out. */
  nights: z.number().int().nonnegative(),
  maxNightsPerStay,
  overstay: z.boolean(),
  nightsOver: z.number().int().nonnegative(),
  reason: z.enum(['left', 'discharged']),
});
export type BedStayCheckedOut = EventOf<typeof bedStayCheckedOut>;

export function checkOutOf(openStay: NonNullable<BedState['openStay']>, occurredAt: string, reason: BedStayCheckedOut['data']['reason']): BedStayCheckedOut {
  const nights = calendarDaysBetween(openStay.checkedInAt, occurredAt);
  const nightsOver = Math.max(0, nights - openStay.maxNightsPerStay);
  return {
    type: 'BedStayCheckedOut',
    data: { occurredAt, stayId: openStay.stayId, nights, maxNightsPerStay: openStay.maxNightsPerStay, overstay: nightsOver > 0, nightsOver, reason },
  };
}

export function decideCheckInBedStay(command: CheckInBedStay, state: CourseState, context: DecisionContext): Decision<BedStayCheckedIn> {
  const { bed, admission } = state;
  if (bed.openStay) return refuse('bed_stay_already_open', 'The patient is already in the user-controlled bed', { stayId: bed.openStay.stayId });
  // An admitted patient already has an earmarked bed; day-place and outpatient patients may use the bed.
  if (admission.current?.setting === 'earmarked_bed') {
    return refuse('admitted_to_earmarked_bed', 'The patient is admitted to an earmarked bed', { admissionId: admission.current.admissionId });
  }
  const granted = bed.requests.values().find((request) => request.status === 'granted');
  if (!granted || !bed.agreement) return refuse('no_granted_request', 'A stay needs a granted request');
  return accept({
    type: 'BedStayCheckedIn',
    data: { occurredAt: occurredAtOf(command, context), stayId: context.newId(), requestId: granted.requestId, maxNightsPerStay: bed.agreement.maxNightsPerStay },
  });
}

export function decideCheckOutBedStay(command: CheckOutBedStay, state: CourseState, context: DecisionContext): Decision<BedStayCheckedOut> {
  const { openStay } = state.bed;
  if (!openStay) return refuse('no_open_bed_stay', 'The patient is not in the user-controlled bed');
  const occurredAt = occurredAtOf(command, context);
  if (compareInstants(occurredAt, openStay.checkedInAt) < 0) {
    return refuse('check_out_before_check_in', 'A check-out cannot be dated before the check-in', { checkedInAt: openStay.checkedInAt });
  }
  return accept(checkOutOf(openStay, occurredAt, 'left'));
}

export function evolveBedStay(bed: BedState, event: BedStayCheckedIn | BedStayCheckedOut): BedState {
  switch (event.type) {
    case 'BedStayCheckedIn': {
      const { stayId, requestId, occurredAt: checkedInAt } = event.data;
      return {
        ...setRequestStatus(bed, requestId, 'checked_in'),
        openStay: { stayId, checkedInAt, requestId, maxNightsPerStay: event.data.maxNightsPerStay },
        stays: [...bed.stays, { stayId, requestId, checkedInAt, checkedOutAt: null, nights: null, overstay: false, nightsOver: 0 }],
      };
    }
    case 'BedStayCheckedOut': {
      const { stayId, occurredAt: checkedOutAt, nights, overstay, nightsOver } = event.data;
      return {
        ...bed,
        openStay: null,
        stays: bed.stays.map((stay) => (stay.stayId === stayId ? { ...stay, checkedOutAt, nights, overstay, nightsOver } : stay)),
      };
    }
  }
}
