import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { isoDate, personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { requireStartedCourse } from '../course/requireStartedCourse.js';
import type { BedAgreement, BedState } from './bedState.js';

const maxNightsPerStay = z.number().int().positive().max(31);
const minimumDaysBetweenStays = z.number().int().nonnegative().max(365);
const maxStaysPerPeriod = z.object({ stays: z.number().int().positive(), periodDays: z.number().int().positive().max(366) });

/** The limits a clinician may write; omitted ones take the site's defaults (config) or no limit. */
const limitFields = {
  maxNightsPerStay: maxNightsPerStay.optional(),
  minimumDaysBetweenStays: minimumDaysBetweenStays.optional(),
  maxStaysPerPeriod: maxStaysPerPeriod.optional(),
};
/** The limits as agreed, all explicit, so a reader never needs the configuration of the day. */
const agreedLimits = { maxNightsPerStay, minimumDaysBetweenStays, maxStaysPerPeriod: maxStaysPerPeriod.nullable() };
type Limits = { [K in keyof typeof limitFields]?: z.infer<(typeof limitFields)[K]> };

export const makeBedAgreementCommand = courseCommand('MakeBedAgreement', 'Make a user-controlled bed agreement: the patient may admit themself for short stays within its limits', {
  validFrom: isoDate,
  validTo: isoDate,
  ...limitFields,
  note: personalText.optional(),
});
export type MakeBedAgreement = z.infer<typeof makeBedAgreementCommand>;

export const renewBedAgreementCommand = courseCommand('RenewBedAgreement', 'Extend a user-controlled bed agreement to a later end date, optionally with new limits', {
  agreementId: uuid,
  validTo: isoDate,
  ...limitFields,
});
export type RenewBedAgreement = z.infer<typeof renewBedAgreementCommand>;

export const endBedAgreementCommand = courseCommand('EndBedAgreement', 'End a user-controlled bed agreement before its end date', {
  agreementId: uuid,
  note: personalText.optional(),
});
export type EndBedAgreement = z.infer<typeof endBedAgreementCommand>;

export const bedAgreementMade = defineEvent(
  'BedAgreementMade',
  { agreementId: uuid, validFrom: isoDate, validTo: isoDate, ...agreedLimits, note: personalText.optional() },
  { personalFields: ['note'] },
);
export type BedAgreementMade = EventOf<typeof bedAgreementMade>;

export const bedAgreementRenewed = defineEvent('BedAgreementRenewed', { agreementId: uuid, validTo: isoDate, ...agreedLimits });
export type BedAgreementRenewed = EventOf<typeof bedAgreementRenewed>;

export const bedAgreementEnded = defineEvent('BedAgreementEnded', { agreementId: uuid, note: personalText.optional() }, { personalFields: ['note'] });
export type BedAgreementEnded = EventOf<typeof bedAgreementEnded>;

function limitsOf(limits: Limits, defaults: { maxNightsPerStay: number; minimumDaysBetweenStays: number; maxStaysPerPeriod: BedAgreement['maxStaysPerPeriod'] }) {
  return {
    maxNightsPerStay: limits.maxNightsPerStay ?? defaults.maxNightsPerStay,
    minimumDaysBetweenStays: limits.minimumDaysBetweenStays ?? defaults.minimumDaysBetweenStays,
    maxStaysPerPeriod: limits.maxStaysPerPeriod ?? defaults.maxStaysPerPeriod,
  };
}

/** The agreement a command names, which must be the course's and not ended. */
function agreementInForce(bed: BedState, agreementId: string): BedAgreement | DomainError {
  const { agreement } = bed;
  if (agreement?.agreementId !== agreementId) return new DomainError('bed_agreement_not_found', 'No user-controlled bed agreement with this id on the course', { agreementId });
  if (agreement.endedAt !== null) return new DomainError('bed_agreement_ended', 'The agreement has been ended', { agreementId, endedAt: agreement.endedAt });
  return agreement;
}

/** Only units that offer a user-controlled bed (reference data) make agreements; one agreement at a time. */
export function decideMakeBedAgreement(command: MakeBedAgreement, state: CourseState, context: DecisionContext): Decision<BedAgreementMade> {
  return requireStartedCourse(state, ({ unitId }) => {
    const unit = context.reference.units.get(unitId);
    if (!unit?.userControlledBed) return refuse('unit_has_no_user_controlled_bed', `${unit?.name ?? unitId} offers no user-controlled bed`, { unitId });
    const { validFrom, validTo, note } = command;
    if (validTo < validFrom) return refuse('invalid_agreement_period', 'The agreement must end on or after the day it starts', { validFrom, validTo });
    const current = state.bed.agreement;
    if (current && current.endedAt === null && current.validTo >= validFrom) {
      return refuse('bed_agreement_in_force', 'An agreement is in force for that period: renew or end it first', { agreementId: current.agreementId, validTo: current.validTo });
    }
    return accept({
      type: 'BedAgreementMade',
      data: {
        occurredAt: occurredAtOf(command, context),
        agreementId: context.newId(),
        validFrom,
        validTo,
        ...limitsOf(command, { maxNightsPerStay: context.config.bedAgreementDefaults.maxNightsPerStay, minimumDaysBetweenStays: 0, maxStaysPerPeriod: null }),
        ...(note ? { note } : {}),
      },
    });
  });
}

export function decideRenewBedAgreement(command: RenewBedAgreement, state: CourseState, context: DecisionContext): Decision<BedAgreementRenewed> {
  const agreement = agreementInForce(state.bed, command.agreementId);
  if (agreement instanceof DomainError) return { ok: false, error: agreement };
  if (command.validTo <= agreement.validTo) {
    return refuse('renewal_must_extend', `A renewal ends after the current end date ${agreement.validTo}`, { validTo: command.validTo, currentValidTo: agreement.validTo });
  }
  return accept({
    type: 'BedAgreementRenewed',
    data: { occurredAt: occurredAtOf(command, context), agreementId: agreement.agreementId, validTo: command.validTo, ...limitsOf(command, agreement) },
  });
}

export function decideEndBedAgreement(command: EndBedAgreement, state: CourseState, context: DecisionContext): Decision<BedAgreementEnded> {
  const agreement = agreementInForce(state.bed, command.agreementId);
  if (agreement instanceof DomainError) return { ok: false, error: agreement };
  const { note } = command;
  return accept({ type: 'BedAgreementEnded', data: { occurredAt: occurredAtOf(command, context), agreementId: agreement.agreementId, ...(note ? { note } : {}) } });
}

export function evolveBedAgreement(bed: BedState, event: BedAgreementMade | BedAgreementRenewed | BedAgreementEnded): BedState {
  switch (event.type) {
    case 'BedAgreementMade': {
      const { agreementId, validFrom, validTo, maxNightsPerStay: nights, minimumDaysBetweenStays: days, maxStaysPerPeriod: stays } = event.data;
      return { ...bed, agreement: { agreementId, validFrom, validTo, maxNightsPerStay: nights, minimumDaysBetweenStays: days, maxStaysPerPeriod: stays, endedAt: null } };
    }
    case 'BedAgreementRenewed': {
      const { validTo, maxNightsPerStay: nights, minimumDaysBetweenStays: days, maxStaysPerPeriod: stays } = event.data;
      return bed.agreement ? { ...bed, agreement: { ...bed.agreement, validTo, maxNightsPerStay: nights, minimumDaysBetweenStays: days, maxStaysPerPeriod: stays } } : bed;
    }
    case 'BedAgreementEnded':
      return bed.agreement ? { ...bed, agreement: { ...bed.agreement, endedAt: event.data.occurredAt } } : bed;
  }
}
