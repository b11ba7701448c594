import { defaultDomainConfig, sideEffectMonitoringStatus, type CourseState } from '@medfri/domain';
import { DateTime } from 'luxon';
import type { ProjectionDefinition } from '../projectionDefinition.js';
import { courseFold } from './domain/domainFolds.js';
import { domainEventTypes, toDomainRecords, type DomainRecord } from './domain/domainRecord.js';
import { referenceData, regionOf } from './domain/referenceUnits.js';
import { foldStreams } from './domain/streamStates.js';
import { replaceChangedRows } from './domain/tableRows.js';
import type { BatchWrites } from '../batchWrites.js';

/** Events that set a dose with the justification field the domain asks for above one DDD. */
const DOSE_SETTERS = new Set(['MedicationRecorded', 'MedicationDoseChanged']);

/** The due date depends only on the state; whether it has passed is read at query time, so any instant serves as now. */
const LONG_AGO = DateTime.fromMillis(0, { zone: 'utc' });

/** Whether a dose was justified is not in the course state (the text is sealed): the handler sets it from _justifications. */
function medicationRows(courseId: string, state: CourseState) {
  if (!state.course) return [];
  const { patientId, unitId } = state.course;
  const monitoring = new Map(sideEffectMonitoringStatus(state, LONG_AGO, defaultDomainConfig)
    .map((status) => [status.medicationId, status]));
  return state.medication.medications.values().map((medication) => {
    const reference = referenceData().medications.get(medication.atc);
    const status = monitoring.get(medication.medicationId);
    return {
      medication_id: medication.medicationId,
      course_id: courseId,
      patient_id: patientId,
      unit_id: unitId,
      region_id: regionOf(unitId),
      atc: medication.atc,
      substance: medication.substance,
      class: reference?.class ?? null,
      formulation: medication.formulation,
      dose: medication.dose,
      dose_unit: medication.unit,
      daily_dose: medication.dailyDose,
      ddds: medication.ddds,
      // As the domain decides it: the daily dose against the DDD itself, not the rounded ratio.
      above_ddd: medication.inUse && (reference ? medication.dailyDose > reference.ddd : medication.ddds > 1),
      justification_recorded: false,
      in_use: medication.inUse && medication.dose > 0,
      recorded_at: medication.recordedAt,
      stopped_at: medication.stoppedAt,
      side_effects_last_assessed_at: status?.lastAssessedAt ?? null,
      side_effects_due_by: status?.dueBy ?? null,
    };
  });
}

function inCareRows(courseId: string, { course, admission }: CourseState) {
  return course ? [{ course_id: courseId, patient_id: course.patientId, unit_id: course.unitId, admitted: admission.current !== null }] : [];
}

/**
 * Whether each medication's latest dose-setting event came with a justification (its
 * presence, never its text), then that fact on the medication rows of the given courses.
 */
function updateJustifications(writes: BatchWrites, records: readonly DomainRecord[], rewritten: readonly string[]): void {
  const setters = records.filter((record) => DOSE_SETTERS.has(record.type));
  if (setters.length > 0) {
    writes.add(
      `INSERT INTO _justifications AS known (medication_id, justified, position)
     SELECT DISTINCT ON (medication_id) medication_id, justified, position
     FROM unnest($1::uuid[], $2::boolean[], $3::bigint[]) AS setter (medication_id, justified, position)
     ORDER BY medication_id, position DESC
     ON CONFLICT (medication_id) DO UPDATE SET justified = excluded.justified, position = excluded.position
     WHERE known.position < excluded.position`,
      [setters.map((record) => String(record.data.medicationId)), setters.map((record) => record.sealedFields.includes('justificationAboveDdd')),
        setters.map((record) => record.position)]);
  }
  const courses = [...new Set([...rewritten, ...setters.map((record) => record.streamId)])];
  if (courses.length === 0) return;
  writes.add(
    `UPDATE medications m SET justification_recorded = j.justified FROM _justifications j
     WHERE j.medication_id = m.medication_id AND m.course_id = ANY($1::uuid[]) AND m.justification_recorded <> j.justified`,
    [courses]);
}

/**
 * The action points this record can check (Helse Sør-Øst plan): doses above one DDD and
 * whether they were justified (4), side-effect monitoring that is overdue (5), and
 * medication use per unit and class in DDDs per patient (7).
 */
export const medication: ProjectionDefinition = {
  name: 'medication',
  version: 2,
  migrations: [
    `CREATE TABLE medications (
      medication_id uuid PRIMARY KEY, course_id uuid NOT NULL, patient_id uuid NOT NULL, unit_id text NOT NULL, region_id text,
      atc text NOT NULL, substance text NOT NULL, class text, formulation text NOT NULL,
      dose numeric NOT NULL, dose_unit text NOT NULL, daily_dose numeric NOT NULL, ddds numeric NOT NULL,
      above_ddd boolean NOT NULL, justification_recorded boolean NOT NULL, in_use boolean NOT NULL,
      recorded_at timestamptz NOT NULL, stopped_at timestamptz,
      side_effects_last_assessed_at timestamptz, side_effects_due_by timestamptz)`,
    'CREATE INDEX medications_by_course ON medications (course_id)',
    'CREATE INDEX medications_by_unit ON medications (unit_id) WHERE in_use',
    `CREATE TABLE _justifications (medication_id uuid PRIMARY KEY, justified boolean NOT NULL, position bigint NOT NULL)`,
    `CREATE TABLE _courses_in_care (course_id uuid PRIMARY KEY, patient_id uuid NOT NULL, unit_id text NOT NULL, admitted boolean NOT NULL)`,
  ],
  views: [
    {
      name: 'medication_action_points',
      sql: `SELECT medication_id, course_id, patient_id, unit_id, region_id, atc, substance, class, daily_dose, dose_unit, ddds,
          above_ddd, justification_recorded, above_ddd AND NOT justification_recorded AS above_ddd_without_justification,
          side_effects_last_assessed_at, side_effects_due_by,
          now() > side_effects_due_by AS side_effect_monitoring_overdue,
          greatest(0, floor(extract(epoch FROM now() - side_effects_due_by) / 86400))::integer AS side_effect_monitoring_days_overdue
        FROM medications WHERE in_use`,
    },
    {
      name: 'medication_use_by_unit_class',
      sql: `WITH in_care AS (
          SELECT unit_id, count(DISTINCT patient_id) AS patients FROM _courses_in_care WHERE admitted GROUP BY unit_id)
        SELECT m.unit_id, m.region_id, m.class,
          count(DISTINCT m.patient_id) AS patients_using,
          sum(m.ddds) AS total_ddds,
          round(sum(m.ddds) / count(DISTINCT m.patient_id), 3) AS ddds_per_patient_using,
          coalesce(max(in_care.patients), 0) AS patients_admitted,
          round(sum(m.ddds) / nullif(max(in_care.patients), 0), 3) AS ddds_per_admitted_patient
        FROM medications m LEFT JOIN in_care ON in_care.unit_id = m.unit_id
        WHERE m.in_use
        GROUP BY m.unit_id, m.region_id, m.class`,
    },
  ],
  eventTypes: domainEventTypes,
  async handle(events, writes, context) {
    const streams = await foldStreams(context, courseFold, toDomainRecords(events));
    const rewritten = replaceChangedRows(writes, 'medications', ['medication_id'], streams, medicationRows);
    replaceChangedRows(writes, '_courses_in_care', ['course_id'], streams, inCareRows);
    updateJustifications(writes, streams.flatMap((stream) => stream.applied.map(({ record }) => record)), rewritten);
  },
};
