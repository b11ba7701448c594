import type { CourseState, TaperingPlan } from '@medfri/domain';
import type { ProjectionDefinition } from '../projectionDefinition.js';
import { courseFold } from './domain/domainFolds.js';
import { domainEventTypes, toDomainRecords } from './domain/domainRecord.js';
import { kindOf } from './domain/eventKind.js';
import { foldStreams, type Applied } from './domain/streamStates.js';
import { insertNewRows, replaceChangedRows } from './domain/tableRows.js';

/** The step the patient is on: the last one started or held, if the plan is not closed. */
function currentStep(plan: TaperingPlan) {
  return [...plan.steps].reverse().find((step) => step.status === 'started' || step.status === 'held') ?? null;
}

function planRows(courseId: string, state: CourseState) {
  return state.course ? state.tapering.plans.values().map((plan) => planRow(courseId, state, plan)) : [];
}

function stepRows(courseId: string, state: CourseState) {
  return state.course ? state.tapering.plans.values().flatMap((plan) => plan.steps.map((step) => ({
    plan_id: plan.planId, step_index: step.index, course_id: courseId, target_dose: step.targetDose, planned_start: step.plannedStart,
    minimum_days_to_hold: step.minimumDaysToHold, status: step.status, started_at: step.startedAt, completed_at: step.completedAt,
    held_days: step.heldDays, completed_before_minimum_hold: step.completedBeforeMinimumHold,
    held_since: step.hold?.since ?? null, hold_reason: step.hold?.reason ?? null, reversals: step.reversals,
  }))) : [];
}

function planRow(courseId: string, state: CourseState, plan: TaperingPlan) {
  const medication = state.medication.medications.get(plan.medicationId);
  const current = currentStep(plan);
  const next = plan.steps.find((step) => step.status === 'planned' || step.status === 'reversed') ?? null;
  return {
    plan_id: plan.planId,
    course_id: courseId,
    patient_id: state.course?.patientId,
    unit_id: state.course?.unitId,
    medication_id: plan.medicationId,
    atc: medication?.atc ?? null,
    substance: medication?.substance ?? null,
    dose_unit: medication?.unit ?? null,
    plan_version: plan.version,
    status: plan.status,
    baseline_dose: plan.baselineDose,
    kept_dose: plan.keptDose,
    current_dose: medication?.dose ?? null,
    steps_total: plan.steps.length,
    steps_completed: plan.steps.filter((step) => step.status === 'completed').length,
    steps_skipped: plan.steps.filter((step) => step.status === 'skipped').length,
    current_step_index: current?.index ?? null,
    current_step_status: current?.status ?? null,
    current_step_target_dose: current?.targetDose ?? null,
    current_step_started_at: current?.startedAt ?? null,
    held_since: current?.hold?.since ?? null,
    hold_reason: current?.hold?.reason ?? null,
    next_step_index: next?.index ?? null,
    next_step_target_dose: next?.targetDose ?? null,
    next_step_planned_start: next?.plannedStart ?? null,
    reversals: plan.steps.reduce((sum, step) => sum + step.reversals, 0),
    created_at: plan.createdAt,
    closed_at: plan.closedAt,
  };
}

/** A dose row for every medication whose dose the event changed, read off the state before and after it. */
function doseRows(courseId: string, { record, before, after }: Applied<CourseState>) {
  return after.medication.medications.values()
    .filter((medication) => {
      const previous = before.medication.medications.get(medication.medicationId);
      return !previous || previous.dose !== medication.dose || previous.dailyDose !== medication.dailyDose || previous.inUse !== medication.inUse;
    })
    .map((medication) => ({
      position: record.position,
      medication_id: medication.medicationId,
      course_id: courseId,
      patient_id: after.course?.patientId,
      occurred_at: record.occurredAt,
      change: kindOf(record.type),
      plan_id: typeof record.data.planId === 'string' ? record.data.planId : null,
      step_index: typeof record.data.stepIndex === 'number' ? record.data.stepIndex : null,
      dose: medication.inUse ? medication.dose : 0,
      daily_dose: medication.inUse ? medication.dailyDose : 0,
      ddds: medication.inUse ? medication.ddds : 0,
    }));
}

/**
 * Tapering per medication: each plan with where the patient is in it (current step,
 * holds, reversals, days on the current dose), every step planned against what
 * happened, and the medication's actual dose over time.
 */
export const tapering: ProjectionDefinition = {
  name: 'tapering',
  version: 2,
  migrations: [
    `CREATE TABLE tapering_plans (
      plan_id uuid PRIMARY KEY, course_id uuid NOT NULL, patient_id uuid NOT NULL, unit_id text NOT NULL,
      medication_id uuid NOT NULL, atc text, substance text, dose_unit text, plan_version integer NOT NULL, status text NOT NULL,
      baseline_dose numeric NOT NULL, kept_dose numeric, current_dose numeric,
      steps_total integer NOT NULL, steps_completed integer NOT NULL, steps_skipped integer NOT NULL,
      current_step_index integer, current_step_status text, current_step_target_dose numeric, current_step_started_at timestamptz,
      held_since timestamptz, hold_reason text,
      next_step_index integer, next_step_target_dose numeric, next_step_planned_start date,
      reversals integer NOT NULL, created_at timestamptz NOT NULL, closed_at timestamptz)`,
    'CREATE INDEX tapering_plans_by_course ON tapering_plans (course_id)',
    'CREATE INDEX tapering_plans_by_patient ON tapering_plans (patient_id)',
    `CREATE TABLE tapering_steps (
      plan_id uuid NOT NULL, step_index integer NOT NULL, course_id uuid NOT NULL,
      target_dose numeric NOT NULL, planned_start date NOT NULL, minimum_days_to_hold integer NOT NULL,
      status text NOT NULL, started_at timestamptz, completed_at timestamptz, held_days integer,
      completed_before_minimum_hold boolean, held_since timestamptz, hold_reason text, reversals integer NOT NULL,
      PRIMARY KEY (plan_id, step_index))`,
    'CREATE INDEX tapering_steps_by_course ON tapering_steps (course_id)',
    `CREATE TABLE medication_doses (
      position bigint NOT NULL, medication_id uuid NOT NULL, course_id uuid NOT NULL, patient_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL, change text NOT NULL, plan_id uuid, step_index integer,
      dose numeric NOT NULL, daily_dose numeric NOT NULL, ddds numeric NOT NULL,
      PRIMARY KEY (position, medication_id))`,
    'CREATE INDEX medication_doses_by_medication ON medication_doses (medication_id, position)',
    `CREATE TABLE tapering_events (
      position bigint PRIMARY KEY, plan_id uuid NOT NULL, course_id uuid NOT NULL, step_index integer,
      kind text NOT NULL, reason text, occurred_at timestamptz NOT NULL)`,
    'CREATE INDEX tapering_events_by_plan ON tapering_events (plan_id, position)',
  ],
  views: [{
    name: 'tapering_progress',
    sql: `SELECT p.*,
        (SELECT count(*) FROM tapering_events e WHERE e.plan_id = p.plan_id AND e.kind = 'tapering_step_held') AS holds,
        latest.occurred_at AS current_dose_since,
        (now() AT TIME ZONE 'Europe/Oslo')::date - (latest.occurred_at AT TIME ZONE 'Europe/Oslo')::date AS days_on_current_dose
      FROM tapering_plans p
      LEFT JOIN LATERAL (
        SELECT d.occurred_at FROM medication_doses d WHERE d.medication_id = p.medication_id ORDER BY d.position DESC LIMIT 1
      ) latest ON true`,
  }],
  eventTypes: domainEventTypes,
  async handle(events, writes, context) {
    const streams = (await foldStreams(context, courseFold, toDomainRecords(events))).filter((stream) => stream.state.course);
    const doses = streams.flatMap(({ streamId, applied }) => applied.flatMap((change) => doseRows(streamId, change)));
    const taperingEvents = streams.flatMap(({ streamId, applied }) => applied
      .filter(({ record }) => record.type.startsWith('Tapering') && typeof record.data.planId === 'string')
      .map(({ record }) => ({
        position: record.position, plan_id: record.data.planId, course_id: streamId,
        step_index: typeof record.data.stepIndex === 'number' ? record.data.stepIndex : null,
        kind: kindOf(record.type), reason: typeof record.data.reason === 'string' ? record.data.reason : null, occurred_at: record.occurredAt,
      })));
    replaceChangedRows(writes, 'tapering_plans', ['plan_id'], streams, planRows);
    replaceChangedRows(writes, 'tapering_steps', ['plan_id', 'step_index'], streams, stepRows);
    insertNewRows(writes, 'medication_doses', doses);
    insertNewRows(writes, 'tapering_events', taperingEvents);
  },
};
