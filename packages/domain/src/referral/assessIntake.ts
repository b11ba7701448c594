import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, personalText } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { referralCommand } from './referralCommand.js';
import type { Referral } from './referralState.js';

/** Flat rather than a nested union, so a mismatched assessment gets a domain refusal naming the rule. */
export const assessIntakeCommand = referralCommand('AssessIntake', 'Record the intake assessment: accepted (possibly waitlisted) or rejected with reasons', {
  outcome: z.enum(['accepted', 'rejected']),
  waitlisted: z.boolean().optional(),
  /** Rejection reason codes from the reference data; at least one when rejected. */
  reasons: z.array(code).optional(),
  note: personalText.optional(),
});
export type AssessIntake = z.infer<typeof assessIntakeCommand>;

export const intakeAccepted = defineEvent('IntakeAccepted', { waitlisted: z.boolean(), note: personalText.optional() }, { personalFields: ['note'] });
export type IntakeAccepted = EventOf<typeof intakeAccepted>;

export const intakeRejected = defineEvent(
  'IntakeRejected',
  { reasons: z.array(code).min(1), note: personalText.optional() },
  { personalFields: ['note'] },
);
export type IntakeRejected = EventOf<typeof intakeRejected>;

export function decideAssessIntake(command: AssessIntake, referral: Referral, context: DecisionContext): Decision<IntakeAccepted | IntakeRejected> {
  if (referral.status !== 'received') {
    return refuse('referral_already_assessed', 'The intake assessment of this referral is already recorded', { status: referral.status });
  }
  const occurredAt = occurredAtOf(command, context);
  const note = command.note ? { note: command.note } : {};
  if (command.outcome === 'accepted') {
    if (command.reasons !== undefined) return refuse('reasons_on_acceptance', 'Rejection reasons were given for an accepted referral');
    const unit = context.reference.units.get(referral.unitId);
    if (!unit?.acceptedReferralSources.includes(referral.source)) {
      return refuse('referral_source_not_accepted', 'The unit does not accept referrals from this source; reject with referral_source_not_accepted', {
        source: referral.source,
        unitId: referral.unitId,
      });
    }
    return accept({ type: 'IntakeAccepted', data: { occurredAt, waitlisted: command.waitlisted ?? false, ...note } });
  }
  if (command.waitlisted !== undefined) return refuse('waitlist_on_rejection', 'A rejected referral cannot be waitlisted');
  const reasons = [...new Set(command.reasons ?? [])];
  if (reasons.length === 0) return refuse('rejection_reasons_required', 'A rejection needs at least one reason');
  const unknown = reasons.filter((reason) => !context.reference.rejectionReasons.has(reason));
  if (unknown.length > 0) return refuse('unknown_rejection_reason', `No rejection reason ${unknown.join(', ')} in the reference data`, { reasons: unknown });
  return accept({ type: 'IntakeRejected', data: { occurredAt, reasons, ...note } });
}

export function evolveIntakeAccepted(referral: Referral, { data }: IntakeAccepted): Referral {
  return { ...referral, status: data.waitlisted ? 'waitlisted' : 'accepted', assessedAt: data.occurredAt };
}

export function evolveIntakeRejected(referral: Referral, { data }: IntakeRejected): Referral {
  return { ...referral, status: 'rejected', assessedAt: data.occurredAt, rejectionReasons: data.reasons, closedAt: data.occurredAt };
}
