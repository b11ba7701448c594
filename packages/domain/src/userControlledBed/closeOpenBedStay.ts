import type { CourseState } from '../course/courseState.js';
import { checkOutOf } from './bedStay.js';

/** A discharge ends an open user-controlled bed stay in the same decision: the check-out events (`BedStayCheckedOut`, reason discharged), or none. */
export function closeOpenBedStay(state: CourseState, occurredAt: string): Array<{ type: string; data: unknown }> {
  const { openStay } = state.bed;
  return openStay ? [checkOutOf(openStay, occurredAt, 'discharged')] : [];
}
