import { z } from 'zod';
import type { Decider } from '../kernel/decider.js';
import { refuse, type Decision } from '../kernel/decision.js';
import { compareInstants, refuseFutureClinicalTime } from '../kernel/clinicalTime.js';
import { eventRegistry } from '../kernel/eventDefinition.js';
import {
  assessIntakeCommand, decideAssessIntake, evolveIntakeAccepted, evolveIntakeRejected, intakeAccepted, intakeRejected,
  type AssessIntake, type IntakeAccepted, type IntakeRejected,
} from './assessIntake.js';
import {
  decideRecordOfferDeclined, evolveOfferDeclined, offerDeclinedByPatient, recordOfferDeclinedCommand,
  type OfferDeclinedByPatient, type RecordOfferDeclined,
} from './offerDeclined.js';
import { closedReferralStatuses, initialReferralState, type Referral, type ReferralState } from './referralState.js';
import {
  decideRegisterReferral, evolveReferralReceived, referralReceived, registerReferralCommand,
  type ReferralReceived, type RegisterReferral,
} from './registerReferral.js';
import {
  decideOfferPlaceFromWaitlist, evolveWaitlistPlaceOffered, offerPlaceFromWaitlistCommand, waitlistPlaceOffered,
  type OfferPlaceFromWaitlist, type WaitlistPlaceOffered,
} from './waitlistPlaceOffered.js';
import {
  decideWithdrawReferral, evolveReferralWithdrawn, referralWithdrawn, withdrawReferralCommand,
  type ReferralWithdrawn, type WithdrawReferral,
} from './withdrawReferral.js';

export type ReferralCommand = RegisterReferral | AssessIntake | OfferPlaceFromWaitlist | RecordOfferDeclined | WithdrawReferral;
export type ReferralEvent = ReferralReceived | IntakeAccepted | IntakeRejected | WaitlistPlaceOffered | OfferDeclinedByPatient | ReferralWithdrawn;

export const referralCommandSchemas = [
  registerReferralCommand,
  assessIntakeCommand,
  offerPlaceFromWaitlistCommand,
  recordOfferDeclinedCommand,
  withdrawReferralCommand,
] as const;

export const referralCommandSchema = z.discriminatedUnion('type', referralCommandSchemas);

export const referralEvents = eventRegistry([
  referralReceived,
  intakeAccepted,
  intakeRejected,
  waitlistPlaceOffered,
  offerDeclinedByPatient,
  referralWithdrawn,
]);

/** Rules common to every move on a registered referral: it exists, is open, and time runs forward from its receipt. */
function openReferral(command: Exclude<ReferralCommand, RegisterReferral>, state: ReferralState): Referral | Decision<never> {
  const referral = state.referral;
  if (!referral) return refuse('referral_not_found', 'No referral is registered under this id');
  if (closedReferralStatuses.includes(referral.status)) {
    return refuse('referral_closed', `The referral is ${referral.status}; refer the patient again with a new referral`, { status: referral.status });
  }
  if (command.occurredAt !== undefined && compareInstants(command.occurredAt, referral.receivedAt) < 0) {
    return refuse('before_referral_received', 'The command is dated before the referral was received', { receivedAt: referral.receivedAt });
  }
  return referral;
}

function evolveReferral(referral: Referral, event: Exclude<ReferralEvent, ReferralReceived>): Referral {
  switch (event.type) {
    case 'IntakeAccepted':
      return evolveIntakeAccepted(referral, event);
    case 'IntakeRejected':
      return evolveIntakeRejected(referral, event);
    case 'WaitlistPlaceOffered':
      return evolveWaitlistPlaceOffered(referral);
    case 'OfferDeclinedByPatient':
      return evolveOfferDeclined(referral, event);
    case 'ReferralWithdrawn':
      return evolveReferralWithdrawn(referral, event);
  }
}

/** The `referral-<referralId>` stream: a referral and its intake outcome. A new referral of the same patient is a new stream. */
export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: initialReferralState,
  decide(command, state, context) {
    const future = refuseFutureClinicalTime(command, context);
    if (future) return future;
    if (command.type === 'RegisterReferral') return decideRegisterReferral(command, state, context);
    const referral = openReferral(command, state);
    if ('ok' in referral) return referral;
    switch (command.type) {
      case 'AssessIntake':
        return decideAssessIntake(command, referral, context);
      case 'OfferPlaceFromWaitlist':
        return decideOfferPlaceFromWaitlist(command, referral, context);
      case 'RecordOfferDeclined':
        return decideRecordOfferDeclined(command, referral, context);
      case 'WithdrawReferral':
        return decideWithdrawReferral(command, context);
      default:
        return refuse('unknown_command', `${(command as { type: string }).type} is not a referral command`);
    }
  },
  evolve(state, event) {
    if (event.type === 'ReferralReceived') return evolveReferralReceived(event);
    if (!state.referral) throw new Error(`${event.type} before ReferralReceived: the referral stream is corrupt`);
    return { referral: evolveReferral(state.referral, event) };
  },
};
