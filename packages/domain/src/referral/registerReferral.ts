import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, icd10Code, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { legalStatus } from '../admission/legalStatus.js';
import { icd10InGroup } from './icd10Ranges.js';
import { referralCommand } from './referralCommand.js';
import type { ReferralState } from './referralState.js';

export const registerReferralCommand = referralCommand('RegisterReferral', 'Register a referral of a patient to a unit, flagging a source the unit does not accept', {
  patientId: uuid,
  unitId: code,
  source: code,
  diagnosisGroup: code,
  icd10Code: icd10Code.optional(),
  patientStatementAttached: z.boolean(),
  legalStatus,
});
export type RegisterReferral = z.infer<typeof registerReferralCommand>;

export const referralReceived = defineEvent('ReferralReceived', {
  referralId: uuid,
  patientId: uuid,
  unitId: code,
  source: code,
  diagnosisGroup: code,
  icd10Code: icd10Code.optional(),
  patientStatementAttached: z.boolean(),
  legalStatus,
  /** False when the unit does not take referrals from this source: recorded, and rejected at intake. */
  sourceAccepted: z.boolean(),
  /** True when the unit asks for the patient's own statement and none came with the referral. */
  statementMissing: z.boolean(),
});
export type ReferralReceived = EventOf<typeof referralReceived>;

export function decideRegisterReferral(command: RegisterReferral, state: ReferralState, context: DecisionContext): Decision<ReferralReceived> {
  if (state.referral) return refuse('referral_already_registered', 'This referral is already registered', { referralId: command.referralId });
  const { reference } = context;
  const unit = reference.units.get(command.unitId);
  if (!unit) return refuse('unknown_unit', `No unit ${command.unitId} in the reference data`, { unitId: command.unitId });
  if (!reference.referralSources.has(command.source)) {
    return refuse('unknown_referral_source', `No referral source ${command.source} in the reference data`, { source: command.source });
  }
  const group = reference.diagnosisGroups.get(command.diagnosisGroup);
  if (!group) return refuse('unknown_diagnosis_group', `No diagnosis group ${command.diagnosisGroup} in the reference data`, { diagnosisGroup: command.diagnosisGroup });
  if (command.icd10Code && !icd10InGroup(command.icd10Code, group)) {
    return refuse('icd10_outside_diagnosis_group', `${command.icd10Code} is not in the ranges of ${group.code} (${group.icd10.join(', ')})`, {
      icd10Code: command.icd10Code,
      diagnosisGroup: group.code,
    });
  }
  const { type: _type, occurredAt: _occurredAt, ...fields } = command;
  return accept({
    type: 'ReferralReceived',
    data: {
      ...fields,
      occurredAt: occurredAtOf(command, context),
      sourceAccepted: unit.acceptedReferralSources.includes(command.source),
      statementMissing: (unit.requiresPatientStatement ?? false) && !command.patientStatementAttached,
    },
  });
}

export function evolveReferralReceived({ data }: ReferralReceived): ReferralState {
  const { referralId, patientId, unitId, source, diagnosisGroup, sourceAccepted, statementMissing, occurredAt } = data;
  return {
    referral: {
      referralId, patientId, unitId, source, diagnosisGroup, sourceAccepted, statementMissing,
      receivedAt: occurredAt, status: 'received', assessedAt: null, rejectionReasons: [], closedAt: null,
    },
  };
}
