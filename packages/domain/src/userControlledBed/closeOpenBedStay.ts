import type { CourseState } from '../course/courseState.js';

/** Work in progress: the check-out events for an open stay when the patient is discharged. */
export function closeOpenBedStay(state: CourseState, _occurredAt: string): Array<{ type: string; data: unknown }> {
  return state.bed.openStay === null ? [] : [];
}
