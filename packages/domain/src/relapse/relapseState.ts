import type { TaperingStepLink } from '../tapering/taperingStepLink.js';
import type { RelapseKind, RelapseSeverity } from './relapseKind.js';

export interface RelapseEntry {
  readonly entryId: string;
  readonly occurredAt: string;
  readonly kind: RelapseKind;
  readonly severity: RelapseSeverity;
  /** The tapering steps current when it happened (see taperingStepLink.ts). */
  readonly taperingSteps: readonly TaperingStepLink[];
}

/**
 * State of the relapse part of a course; evolved only by this area's events. Retracted
 * entries stay listed; `CourseState.entries` says which.
 */
export interface RelapseState {
  readonly relapses: readonly RelapseEntry[];
}

export const initialRelapseState: RelapseState = { relapses: [] };
