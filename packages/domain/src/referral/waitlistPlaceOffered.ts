import type { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { referralCommand } from './referralCommand.js';
import type { Referral } from './referralState.js';

export const offerPlaceFromWaitlistCommand = referralCommand('OfferPlaceFromWaitlist', 'Offer a waitlisted patient a place now', {});
export type OfferPlaceFromWaitlist = z.infer<typeof offerPlaceFromWaitlistCommand>;

export const waitlistPlaceOffered = defineEvent('WaitlistPlaceOffered', {});
export type WaitlistPlaceOffered = EventOf<typeof waitlistPlaceOffered>;

export function decideOfferPlaceFromWaitlist(command: OfferPlaceFromWaitlist, referral: Referral, context: DecisionContext): Decision<WaitlistPlaceOffered> {
  if (referral.status !== 'waitlisted') return refuse('referral_not_waitlisted', 'Only a waitlisted referral can be offered a place from the waitlist', { status: referral.status });
  return accept({ type: 'WaitlistPlaceOffered', data: { occurredAt: occurredAtOf(command, context) } });
}

export function evolveWaitlistPlaceOffered(referral: Referral): Referral {
  return { ...referral, status: 'accepted' };
}
