import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineCommand } from '../kernel/defineCommand.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, uuid } from '../kernel/primitives.js';
import { compareInstants, occurredAtOf } from '../kernel/clinicalTime.js';
import { courseIdFor } from '../course/courseId.js';
import type { CourseStarted } from '../course/courseStarted.js';
import type { CourseState } from '../course/courseState.js';
import { admissionSetting } from './admissionSetting.js';
import { admissibleLegalStatus, legalStatus } from './legalStatus.js';
import type { AdmissionState } from './admissionState.js';

/**
 * Carries patientId and unitId rather than courseId: the course id is derived from them
 * (courseIdFor), so the first admission can start the course stream.
 */
export const admitPatientCommand = defineCommand('AdmitPatient', 'Admit a patient to a unit; the first admission starts the course', {
  patientId: uuid,
  unitId: code,
  setting: admissionSetting,
  legalStatus,
  referralId: uuid.optional(),
});
export type AdmitPatient = z.infer<typeof admitPatientCommand>;

/** `readmission` is true when the course had a discharge before, so projections count readmissions from one event type. */
export const patientAdmitted = defineEvent('PatientAdmitted', {
  admissionId: uuid,
  setting: admissionSetting,
  legalStatus: admissibleLegalStatus,
  referralId: uuid.optional(),
  readmission: z.boolean(),
});
export type PatientAdmitted = EventOf<typeof patientAdmitted>;

export function decideAdmitPatient(
  command: AdmitPatient,
  state: CourseState,
  context: DecisionContext,
): Decision<CourseStarted | PatientAdmitted> {
  if (!context.reference.units.has(command.unitId)) return refuse('unknown_unit', `No unit ${command.unitId} in the reference data`, { unitId: command.unitId });
  const status = admissibleLegalStatus.safeParse(command.legalStatus);
  if (!status.success) {
    return refuse('involuntary_care_in_force', 'A patient under involuntary care cannot be admitted to medication-free treatment', {
      legalStatus: command.legalStatus,
    });
  }
  const courseId = courseIdFor(command.patientId, command.unitId);
  const occurredAt = occurredAtOf(command, context);
  if (state.course !== null) {
    const refusal = refuseReadmission(state, courseId, occurredAt);
    if (refusal) return refusal;
  }
  const admitted: PatientAdmitted = {
    type: 'PatientAdmitted',
    data: {
      occurredAt,
      admissionId: context.newId(),
      setting: command.setting,
      legalStatus: status.data,
      ...(command.referralId ? { referralId: command.referralId } : {}),
      readmission: state.admission.history.length > 0,
    },
  };
  if (state.course !== null) return accept(admitted);
  return accept<CourseStarted | PatientAdmitted>(
    { type: 'CourseStarted', data: { occurredAt, courseId, patientId: command.patientId, unitId: command.unitId } },
    admitted,
  );
}

/** The rules for an admission to a course that has started: one admission at a time, in time order. */
function refuseReadmission(state: CourseState, courseId: string, occurredAt: string): Decision<never> | null {
  if (state.course?.courseId !== courseId) {
    return refuse('course_mismatch', 'The patient and unit do not belong to this course', { courseId: state.course?.courseId });
  }
  const { current, history } = state.admission;
  if (current) {
    return refuse('already_admitted', 'The patient is already admitted to this unit', { admissionId: current.admissionId, admittedAt: current.admittedAt });
  }
  const lastDischarge = history.at(-1)?.dischargedAt;
  if (lastDischarge && compareInstants(occurredAt, lastDischarge) < 0) {
    return refuse('admission_before_last_discharge', 'A readmission cannot be dated before the last discharge', { dischargedAt: lastDischarge });
  }
  return null;
}

export function evolveAdmitted(admission: AdmissionState, { data }: PatientAdmitted): AdmissionState {
  const { admissionId, setting, occurredAt: admittedAt, readmission } = data;
  return {
    current: { admissionId, setting, admittedAt },
    history: [...admission.history, { admissionId, setting, admittedAt, dischargedAt: null, readmission }],
  };
}
