import type { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { compareInstants, occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { closeOpenBedStay } from '../userControlledBed/closeOpenBedStay.js';
import type { AdmissionState } from './admissionState.js';

export const dischargePatientCommand = courseCommand('DischargePatient', 'Discharge the patient, with the discharge summary and tapering advice for the GP', {
  summary: personalText,
  /** Advice to the GP on continuing tapering after discharge (part of the discharge summary, epikrise). */
  taperingAdviceForGp: personalText.optional(),
  followUp: personalText.optional(),
});
export type DischargePatient = z.infer<typeof dischargePatientCommand>;

export const patientDischarged = defineEvent(
  'PatientDischarged',
  {
    admissionId: uuid,
    summary: personalText,
    taperingAdviceForGp: personalText.optional(),
    followUp: personalText.optional(),
  },
  { personalFields: ['summary', 'taperingAdviceForGp', 'followUp'] },
);
export type PatientDischarged = EventOf<typeof patientDischarged>;

/** Discharge ends an open user-controlled bed stay too, in the same decision (one stream, one boundary). */
export function decideDischargePatient(
  command: DischargePatient,
  state: CourseState,
  context: DecisionContext,
): Decision<PatientDischarged | { type: string; data: unknown }> {
  const current = state.admission.current;
  if (!current) return refuse('not_admitted', 'The patient is not admitted, so cannot be discharged');
  const occurredAt = occurredAtOf(command, context);
  if (compareInstants(occurredAt, current.admittedAt) < 0) {
    return refuse('discharge_before_admission', 'The discharge cannot be dated before the admission', { admittedAt: current.admittedAt });
  }
  const { summary, taperingAdviceForGp, followUp } = command;
  const discharged: PatientDischarged = {
    type: 'PatientDischarged',
    data: {
      occurredAt,
      admissionId: current.admissionId,
      summary,
      ...(taperingAdviceForGp ? { taperingAdviceForGp } : {}),
      ...(followUp ? { followUp } : {}),
    },
  };
  return accept(discharged, ...closeOpenBedStay(state, occurredAt));
}

export function evolveDischarged(admission: AdmissionState, { data }: PatientDischarged): AdmissionState {
  return {
    current: null,
    history: admission.history.map((record) =>
      record.admissionId === data.admissionId ? { ...record, dischargedAt: data.occurredAt } : record,
    ),
  };
}
