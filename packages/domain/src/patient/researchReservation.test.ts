import { patientId } from '../testing/courseFixtures.js';
import { specification } from '../testing/specification.js';
import { testContext } from '../testing/testContext.js';
import { patientDecider, patientEvents } from './patientDecider.js';
import { effectiveResearchReservation } from './patientState.js';

const patient = specification(patientDecider, { events: patientEvents });
const at = '2025-02-01T10:00:00.000Z';
const reserve = { type: 'ReserveAgainstResearch', patientId, occurredAt: at } as const;
const withdraw = { type: 'WithdrawResearchReservation', patientId, occurredAt: '2025-03-01T10:00:00.000Z' } as const;
const made = { type: 'ResearchReservationMade', data: { occurredAt: at, patientId } } as const;
const withdrawn = { type: 'ResearchReservationWithdrawn', data: { occurredAt: withdraw.occurredAt, patientId } } as const;

describe('ReserveAgainstResearch and WithdrawResearchReservation', () => {
  test('with nothing recorded, the configured default is in force', () => {
    const state = patientDecider.initialState;
    expect(effectiveResearchReservation(state, testContext().config)).toEqual({ reserved: false, source: 'default', since: null });
    expect(effectiveResearchReservation(state, testContext({ config: { researchReservedByDefault: true } }).config)).toMatchObject({ reserved: true, source: 'default' });
  });

  test('the patient reserves, and may withdraw the reservation at any time', () => {
    const reserved = patient.given().when(reserve).then(made);
    expect(effectiveResearchReservation(reserved, testContext().config)).toEqual({ reserved: true, source: 'recorded', since: at });
    const allowed = patient.given(made).when(withdraw).then(withdrawn);
    expect(effectiveResearchReservation(allowed, testContext({ config: { researchReservedByDefault: true } }).config)).toEqual({
      reserved: false,
      source: 'recorded',
      since: withdraw.occurredAt,
    });
  });

  test('an explicit choice equal to the default is recorded, so it outlives a change of the default', () => {
    patient.given().when(withdraw).then(withdrawn);
  });

  test('repeating the recorded choice is refused', () => {
    patient.given(made).when(reserve).thenRefused('already_reserved_against_research', { since: at });
    patient.given(made, withdrawn).when(withdraw).thenRefused('research_reservation_not_in_force');
  });

  test('refused when dated in the future', () => {
    patient.given().when({ ...reserve, occurredAt: '2025-03-04T00:00:00.000Z' }).thenRefused('occurred_in_future');
  });
});
