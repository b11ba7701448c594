import type { z } from 'zod';
import { accept, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { referralCommand } from './referralCommand.js';
import type { Referral } from './referralState.js';

export const withdrawReferralCommand = referralCommand('WithdrawReferral', 'Withdraw an open referral (by the referrer or the patient, or registered in error)', {
  reason: personalText.optional(),
});
export type WithdrawReferral = z.infer<typeof withdrawReferralCommand>;

export const referralWithdrawn = defineEvent('ReferralWithdrawn', { reason: personalText.optional() }, { personalFields: ['reason'] });
export type ReferralWithdrawn = EventOf<typeof referralWithdrawn>;

/** Any open referral may be withdrawn; the decider has already refused closed ones. */
export function decideWithdrawReferral(command: WithdrawReferral, context: DecisionContext): Decision<ReferralWithdrawn> {
  return accept({ type: 'ReferralWithdrawn', data: { occurredAt: occurredAtOf(command, context), ...(command.reason ? { reason: command.reason } : {}) } });
}

export function evolveReferralWithdrawn(referral: Referral, { data }: ReferralWithdrawn): Referral {
  return { ...referral, status: 'withdrawn', closedAt: data.occurredAt };
}
