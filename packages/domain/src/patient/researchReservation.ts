import type { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineCommand } from '../kernel/defineCommand.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import type { PatientState } from './patientState.js';

export const reserveAgainstResearchCommand = defineCommand('ReserveAgainstResearch', 'Record that the patient reserves against research use of their data, from now on', {
  patientId: uuid,
});
export type ReserveAgainstResearch = z.infer<typeof reserveAgainstResearchCommand>;

export const withdrawResearchReservationCommand = defineCommand('WithdrawResearchReservation', 'Record that the patient allows research use of their data again', {
  patientId: uuid,
});
export type WithdrawResearchReservation = z.infer<typeof withdrawResearchReservationCommand>;

export const researchReservationMade = defineEvent('ResearchReservationMade', { patientId: uuid });
export type ResearchReservationMade = EventOf<typeof researchReservationMade>;

export const researchReservationWithdrawn = defineEvent('ResearchReservationWithdrawn', { patientId: uuid });
export type ResearchReservationWithdrawn = EventOf<typeof researchReservationWithdrawn>;

/**
 * Repeating the recorded choice is refused, so the patient learns nothing changed. An explicit
 * choice that matches the site default is recorded, so it survives a change of the default.
 */
export function decideResearchReservation(
  command: ReserveAgainstResearch | WithdrawResearchReservation,
  state: PatientState,
  context: DecisionContext,
): Decision<ResearchReservationMade | ResearchReservationWithdrawn> {
  const reserve = command.type === 'ReserveAgainstResearch';
  if (state.researchReservation?.reserved === reserve) {
    return reserve
      ? refuse('already_reserved_against_research', 'The patient is already reserved against research use', { since: state.researchReservation.since })
      : refuse('research_reservation_not_in_force', 'The patient has no research reservation to withdraw', { since: state.researchReservation.since });
  }
  const data = { occurredAt: occurredAtOf(command, context), patientId: command.patientId };
  return accept(reserve ? { type: 'ResearchReservationMade', data } : { type: 'ResearchReservationWithdrawn', data });
}

export function evolveResearchReservation(event: ResearchReservationMade | ResearchReservationWithdrawn): PatientState {
  return { researchReservation: { reserved: event.type === 'ResearchReservationMade', since: event.data.occurredAt } };
}
