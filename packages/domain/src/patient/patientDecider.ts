import { z } from 'zod';
import type { Decider } from '../kernel/decider.js';
import { refuseFutureClinicalTime } from '../kernel/clinicalTime.js';
import { eventRegistry } from '../kernel/eventDefinition.js';
import { initialPatientState, type PatientState } from './patientState.js';
import {
  decideResearchReservation, evolveResearchReservation, researchReservationMade, researchReservationWithdrawn,
  reserveAgainstResearchCommand, withdrawResearchReservationCommand,
  type ReserveAgainstResearch, type ResearchReservationMade, type ResearchReservationWithdrawn, type WithdrawResearchReservation,
} from './researchReservation.js';

export type PatientCommand = ReserveAgainstResearch | WithdrawResearchReservation;
export type PatientEvent = ResearchReservationMade | ResearchReservationWithdrawn;

export const patientCommandSchemas = [reserveAgainstResearchCommand, withdrawResearchReservationCommand] as const;
export const patientCommandSchema = z.discriminatedUnion('type', patientCommandSchemas);
export const patientEvents = eventRegistry([researchReservationMade, researchReservationWithdrawn]);

/** The `patient-<patientId>` stream: patient-level facts, today the research reservation. */
export const patientDecider: Decider<PatientCommand, PatientEvent, PatientState> = {
  initialState: initialPatientState,
  decide(command, state, context) {
    return refuseFutureClinicalTime(command, context) ?? decideResearchReservation(command, state, context);
  },
  evolve: (_state, event) => evolveResearchReservation(event),
};
