import { RecordsById } from '../kernel/recordsById.js';
import type { ScheduleParameters } from './scheduleParameters.js';

/**
 * planned: not begun; started: the patient is on its target dose; held: started and
 * deliberately kept longer; completed: done, ready for the next step; reversed: the dose
 * went back to the last tolerated one (the step may be started again or revised away);
 * skipped: the plan closed before the step was begun.
 */
export type TaperingStepStatus = 'planned' | 'started' | 'held' | 'completed' | 'reversed' | 'skipped';

export interface TaperingStep {
  /** 1-based, as read by patients and clinicians ("step 3"). */
  readonly index: number;
  readonly targetDose: number;
  /** Calendar date (ISO). */
  readonly plannedStart: string;
  readonly minimumDaysToHold: number;
  readonly status: TaperingStepStatus;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly heldDays: number | null;
  readonly completedBeforeMinimumHold: boolean | null;
  readonly hold: { readonly reason: string; readonly since: string } | null;
  readonly reversals: number;
}

export type TaperingPlanStatus = 'active' | 'paused' | 'completed' | 'ended_at_dose';

export interface TaperingPlan {
  readonly planId: string;
  readonly medicationId: string;
  readonly version: number;
  readonly status: TaperingPlanStatus;
  /** The dose before the first step. */
  readonly baselineDose: number;
  /** Parameters of the schedule of the latest version (create or revision). */
  readonly parameters: ScheduleParameters;
  readonly steps: readonly TaperingStep[];
  readonly createdAt: string;
  readonly closedAt: string | null;
  /** Set when the plan ended at a dose the patient chose to keep. */
  readonly keptDose: number | null;
}

/** State of the tapering part of a course; evolved only by this area's events. */
export interface TaperingState {
  readonly plans: RecordsById<TaperingPlan>;
}

export const initialTaperingState: TaperingState = { plans: RecordsById.empty() };
