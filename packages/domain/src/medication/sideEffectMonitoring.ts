import { DateTime } from 'luxon';
import { compareInstants } from '../kernel/clinicalTime.js';
import type { DomainConfig } from '../kernel/domainConfig.js';
import type { CourseState } from '../course/courseState.js';
import type { MedicationRecord } from './medicationState.js';

export interface SideEffectMonitoringStatus {
  readonly medicationId: string;
  readonly substance: string;
  /** The latest standing assessment, or null when none was made since the medication was recorded. */
  readonly lastAssessedAt: string | null;
  /** The next assessment is due by this instant. */
  readonly dueBy: string;
  readonly overdue: boolean;
  /** Whole days past `dueBy`; 0 when not overdue. */
  readonly daysOverdue: number;
}

const MILLIS_PER_DAY = 86_400_000;

function statusOf(medication: MedicationRecord, state: CourseState, now: DateTime, config: DomainConfig): SideEffectMonitoringStatus {
  // Assessments marked entered-in-error did not happen, so they do not reset the clock.
  const lastAssessedAt = medication.assessments
    .filter((assessment) => !state.entries.isRetracted(assessment.entryId))
    .map((assessment) => assessment.assessedAt)
    .reduce<string | null>((latest, at) => (latest === null || compareInstants(at, latest) > 0 ? at : latest), null);
  // Days in UTC are 24 hours each: Date's arithmetic gives what luxon's would at a fraction
  // of its cost, and read models derive this for every medication of every changed course.
  const dueBy = Date.parse(lastAssessedAt ?? medication.recordedAt) + config.sideEffectMonitoringIntervalDays * MILLIS_PER_DAY;
  const overdue = now.toMillis() > dueBy;
  return {
    medicationId: medication.medicationId,
    substance: medication.substance,
    lastAssessedAt,
    dueBy: new Date(dueBy).toISOString(),
    overdue,
    daysOverdue: overdue ? Math.floor(now.diff(DateTime.fromMillis(dueBy, { zone: 'utc' }), 'days').days) : 0,
  };
}

/**
 * Action point 5, side effects are monitored systematically: for every medication in use
 * (at a dose above zero), whether an assessment is overdue, i.e. the configured interval
 * has passed since the last assessment, or since the medication was recorded.
 */
export function sideEffectMonitoringStatus(state: CourseState, now: DateTime, config: DomainConfig): SideEffectMonitoringStatus[] {
  return state.medication.medications.values()
    .filter((medication) => medication.inUse && medication.dose > 0)
    .map((medication) => statusOf(medication, state, now, config));
}

export function isMonitoringOverdue(state: CourseState, medicationId: string, now: DateTime, config: DomainConfig): boolean {
  return sideEffectMonitoringStatus(state, now, config).some((status) => status.medicationId === medicationId && status.overdue);
}
