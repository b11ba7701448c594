import type { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { referralCommand } from './referralCommand.js';
import type { Referral } from './referralState.js';

export const recordOfferDeclinedCommand = referralCommand('RecordOfferDeclined', 'Record that the patient declined the offered place (or the waitlist place)', {
  note: personalText.optional(),
});
export type RecordOfferDeclined = z.infer<typeof recordOfferDeclinedCommand>;

export const offerDeclinedByPatient = defineEvent('OfferDeclinedByPatient', { note: personalText.optional() }, { personalFields: ['note'] });
export type OfferDeclinedByPatient = EventOf<typeof offerDeclinedByPatient>;

export function decideRecordOfferDeclined(command: RecordOfferDeclined, referral: Referral, context: DecisionContext): Decision<OfferDeclinedByPatient> {
  if (referral.status !== 'accepted' && referral.status !== 'waitlisted') {
    return refuse('offer_not_made', 'The patient can only decline after the referral was accepted', { status: referral.status });
  }
  return accept({ type: 'OfferDeclinedByPatient', data: { occurredAt: occurredAtOf(command, context), ...(command.note ? { note: command.note } : {}) } });
}

export function evolveOfferDeclined(referral: Referral, { data }: OfferDeclinedByPatient): Referral {
  return { ...referral, status: 'declined', closedAt: data.occurredAt };
}
