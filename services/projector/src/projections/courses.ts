import { currentIndividualPlan, currentPlanVersion, standingEntries, type CourseState } from '@medfri/domain';
import type { ProjectionDefinition } from '../projectionDefinition.js';
import { courseFold } from './domain/domainFolds.js';
import { domainEventTypes, toDomainRecords } from './domain/domainRecord.js';
import { regionOf, unitsTable } from './domain/referenceUnits.js';
import { foldStreams } from './domain/streamStates.js';
import { replaceChangedRows } from './domain/tableRows.js';

const OSLO_TODAY = `(now() AT TIME ZONE 'Europe/Oslo')::date`;
const osloDate = (column: string) => `(${column} AT TIME ZONE 'Europe/Oslo')::date`;

function summaryRows(courseId: string, state: CourseState) {
  const course = state.course;
  if (!course) return [];
  const { admission, tapering, medication, bed } = state;
  const plans = tapering.plans.values();
  const agreement = bed.agreement && !bed.agreement.endedAt ? bed.agreement : null;
  return [{
    course_id: courseId,
    patient_id: course.patientId,
    unit_id: course.unitId,
    region_id: regionOf(course.unitId),
    first_admitted_at: admission.history[0]?.admittedAt ?? null,
    admissions: admission.history.length,
    readmissions: admission.history.filter((record) => record.readmission).length,
    admitted: admission.current !== null,
    current_setting: admission.current?.setting ?? null,
    admitted_since: admission.current?.admittedAt ?? null,
    last_discharged_at: admission.history.map((record) => record.dischargedAt).filter((at) => at !== null).sort().at(-1) ?? null,
    medications_in_use: medication.medications.values().filter((record) => record.inUse && record.dose > 0).length,
    tapering_plans_open: plans.filter((plan) => plan.status === 'active' || plan.status === 'paused').length,
    tapering_plans_completed: plans.filter((plan) => plan.status === 'completed').length,
    tapering_plans_ended_at_dose: plans.filter((plan) => plan.status === 'ended_at_dose').length,
    relapses: standingEntries(state.relapse.relapses, state.entries).length,
    treatment_activities: standingEntries(state.treatment.activities, state.entries).length,
    individual_plan: currentIndividualPlan(state)?.exists ?? null,
    crisis_plan_version: currentPlanVersion(state, 'crisisPlan')?.version ?? null,
    coping_plan_version: currentPlanVersion(state, 'copingPlan')?.version ?? null,
    bed_agreement_valid_to: agreement?.validTo ?? null,
    bed_stays: bed.stays.length,
    bed_nights: bed.stays.reduce((nights, stay) => nights + (stay.nights ?? 0), 0),
  }];
}

function admissionRows(courseId: string, { course, admission }: CourseState) {
  return course ? admission.history.map((record) => ({
    admission_id: record.admissionId, course_id: courseId, patient_id: course.patientId, unit_id: course.unitId,
    setting: record.setting, admitted_at: record.admittedAt, discharged_at: record.dischargedAt, readmission: record.readmission,
  })) : [];
}

function stayRows(courseId: string, { course, bed }: CourseState) {
  return course ? bed.stays.map((stay) => ({
    stay_id: stay.stayId, course_id: courseId, patient_id: course.patientId, unit_id: course.unitId,
    checked_in_at: stay.checkedInAt, checked_out_at: stay.checkedOutAt, nights: stay.nights, overstay: stay.overstay, nights_over: stay.nightsOver,
  })) : [];
}

/**
 * Each course (one patient at one unit) summarised, its admissions and its stays in the
 * user-controlled bed; per unit, the courses at a glance and the census of every day.
 * Rows are derived from the domain's course state, rewritten for each course whose
 * rows a batch changes.
 */
export const courses: ProjectionDefinition = {
  name: 'courses',
  version: 2,
  migrations: [
    `CREATE TABLE course_summaries (
      course_id uuid PRIMARY KEY, patient_id uuid NOT NULL, unit_id text NOT NULL, region_id text,
      first_admitted_at timestamptz, admissions integer NOT NULL, readmissions integer NOT NULL,
      admitted boolean NOT NULL, current_setting text, admitted_since timestamptz, last_discharged_at timestamptz,
      medications_in_use integer NOT NULL, tapering_plans_open integer NOT NULL, tapering_plans_completed integer NOT NULL,
      tapering_plans_ended_at_dose integer NOT NULL, relapses integer NOT NULL, treatment_activities integer NOT NULL,
      individual_plan boolean, crisis_plan_version integer, coping_plan_version integer,
      bed_agreement_valid_to date, bed_stays integer NOT NULL, bed_nights integer NOT NULL)`,
    'CREATE INDEX course_summaries_by_patient ON course_summaries (patient_id)',
    'CREATE INDEX course_summaries_by_unit ON course_summaries (unit_id)',
    `CREATE TABLE admission_periods (
      admission_id uuid PRIMARY KEY, course_id uuid NOT NULL, patient_id uuid NOT NULL, unit_id text NOT NULL,
      setting text NOT NULL, admitted_at timestamptz NOT NULL, discharged_at timestamptz, readmission boolean NOT NULL)`,
    'CREATE INDEX admission_periods_by_course ON admission_periods (course_id)',
    'CREATE INDEX admission_periods_by_unit ON admission_periods (unit_id, admitted_at)',
    `CREATE TABLE bed_stays (
      stay_id uuid PRIMARY KEY, course_id uuid NOT NULL, patient_id uuid NOT NULL, unit_id text NOT NULL,
      checked_in_at timestamptz NOT NULL, checked_out_at timestamptz, nights integer, overstay boolean NOT NULL, nights_over integer NOT NULL)`,
    'CREATE INDEX bed_stays_by_course ON bed_stays (course_id)',
    ...unitsTable(),
  ],
  views: [
    {
      name: 'unit_course_summary',
      sql: `SELECT u.unit_id, u.name, u.region_id,
          count(c.course_id) AS courses,
          count(c.course_id) FILTER (WHERE c.admitted) AS admitted,
          count(c.course_id) FILTER (WHERE c.current_setting = 'earmarked_bed') AS admitted_earmarked_bed,
          count(c.course_id) FILTER (WHERE c.current_setting = 'day_place') AS admitted_day_place,
          count(c.course_id) FILTER (WHERE c.current_setting = 'outpatient') AS admitted_outpatient,
          u.earmarked_beds, u.day_places,
          coalesce(sum(c.admissions), 0) AS admissions, coalesce(sum(c.readmissions), 0) AS readmissions,
          coalesce(sum(c.relapses), 0) AS relapses, coalesce(sum(c.tapering_plans_open), 0) AS tapering_plans_open,
          coalesce(sum(c.tapering_plans_completed), 0) AS tapering_plans_completed,
          coalesce(sum(c.bed_nights), 0) AS user_controlled_bed_nights
        FROM _units u LEFT JOIN course_summaries c ON c.unit_id = u.unit_id
        GROUP BY u.unit_id, u.name, u.region_id, u.earmarked_beds, u.day_places`,
    },
    {
      // Midnight census: a patient counts on each day they are admitted at its end.
      name: 'unit_census_daily',
      sql: `WITH days AS (
          SELECT u.unit_id, u.earmarked_beds, u.day_places, day::date AS day
          FROM _units u
          CROSS JOIN LATERAL generate_series(
            (SELECT min(${osloDate('a.admitted_at')}) FROM admission_periods a WHERE a.unit_id = u.unit_id),
            ${OSLO_TODAY}, interval '1 day') AS day)
        SELECT days.unit_id, days.day,
          count(a.admission_id) FILTER (WHERE a.setting = 'earmarked_bed') AS earmarked_bed_patients,
          count(a.admission_id) FILTER (WHERE a.setting = 'day_place') AS day_place_patients,
          count(a.admission_id) FILTER (WHERE a.setting = 'outpatient') AS outpatient_patients,
          (SELECT count(*) FROM bed_stays s WHERE s.unit_id = days.unit_id AND ${osloDate('s.checked_in_at')} <= days.day
             AND (s.checked_out_at IS NULL OR ${osloDate('s.checked_out_at')} > days.day)) AS user_controlled_bed_patients,
          days.earmarked_beds, days.day_places,
          round(count(a.admission_id) FILTER (WHERE a.setting = 'earmarked_bed')::numeric / nullif(days.earmarked_beds, 0), 3) AS earmarked_bed_occupancy,
          round(count(a.admission_id) FILTER (WHERE a.setting = 'day_place')::numeric / nullif(days.day_places, 0), 3) AS day_place_occupancy
        FROM days
        LEFT JOIN admission_periods a ON a.unit_id = days.unit_id AND ${osloDate('a.admitted_at')} <= days.day
          AND (a.discharged_at IS NULL OR ${osloDate('a.discharged_at')} > days.day)
        GROUP BY days.unit_id, days.day, days.earmarked_beds, days.day_places`,
    },
  ],
  eventTypes: domainEventTypes,
  async handle(events, writes, context) {
    const streams = await foldStreams(context, courseFold, toDomainRecords(events));
    replaceChangedRows(writes, 'course_summaries', ['course_id'], streams, summaryRows);
    replaceChangedRows(writes, 'admission_periods', ['admission_id'], streams, admissionRows);
    replaceChangedRows(writes, 'bed_stays', ['stay_id'], streams, stayRows);
  },
};
