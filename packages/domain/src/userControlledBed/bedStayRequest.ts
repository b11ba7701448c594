import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { DomainError } from '../kernel/domainError.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { CourseState } from '../course/courseState.js';
import { agreementRefusal, refuseOutsideAgreement } from './agreementLimits.js';
import type { BedState, BedStayRequest, BedStayRequestStatus } from './bedState.js';

const nights = z.number().int().positive().max(31);
const denialReason = z.enum(['no_bed_free', agreementRefusal.outsideLimits, agreementRefusal.expired]);

export const requestBedStayCommand = courseCommand('RequestBedStay', 'Request a stay in the user-controlled bed (the patient may ask themself)', {
  nights,
  note: personalText.optional(),
});
export type RequestBedStay = z.infer<typeof requestBedStayCommand>;

export const grantBedStayCommand = courseCommand('GrantBedStay', 'Grant a requested stay; outside the agreement it is refused, so a denial is recorded instead', {
  requestId: uuid,
});
export type GrantBedStay = z.infer<typeof grantBedStayCommand>;

export const denyBedStayCommand = courseCommand('DenyBedStay', 'Deny a requested stay, with the reason', {
  requestId: uuid,
  reason: denialReason,
  note: personalText.optional(),
});
export type DenyBedStay = z.infer<typeof denyBedStayCommand>;

/** Recorded even when it will be denied: that patients asked, and how often they were turned away, is the point. */
export const bedStayRequested = defineEvent('BedStayRequested', { requestId: uuid, nights, note: personalText.optional() }, { personalFields: ['note'] });
export type BedStayRequested = EventOf<typeof bedStayRequested>;

export const bedStayGranted = defineEvent('BedStayGranted', { requestId: uuid, nights });
export type BedStayGranted = EventOf<typeof bedStayGranted>;

export const bedStayDenied = defineEvent('BedStayDenied', { requestId: uuid, reason: denialReason, note: personalText.optional() }, { personalFields: ['note'] });
export type BedStayDenied = EventOf<typeof bedStayDenied>;

/** A request waiting for an answer, or granted and not yet used. */
const openRequest = (bed: BedState): BedStayRequest | undefined =>
  bed.requests.values().find((request) => request.status === 'pending' || request.status === 'granted');

export function decideRequestBedStay(command: RequestBedStay, state: CourseState, context: DecisionContext): Decision<BedStayRequested> {
  const { bed } = state;
  if (!bed.agreement) return refuse('no_bed_agreement', 'There is no user-controlled bed agreement on the course');
  if (bed.openStay) return refuse('bed_stay_already_open', 'The patient is in the user-controlled bed now', { stayId: bed.openStay.stayId });
  const open = openRequest(bed);
  if (open) return refuse('bed_stay_request_open', `A request is already ${open.status}`, { requestId: open.requestId, status: open.status });
  const { note } = command;
  return accept({
    type: 'BedStayRequested',
    data: { occurredAt: occurredAtOf(command, context), requestId: context.newId(), nights: command.nights, ...(note ? { note } : {}) },
  });
}

function pendingRequest(bed: BedState, requestId: string): BedStayRequest | DomainError {
  const request = bed.requests.get(requestId);
  if (!request) return new DomainError('bed_stay_request_not_found', 'No bed stay request with this id on the course', { requestId });
  if (request.status !== 'pending') return new DomainError('bed_stay_request_not_pending', `The request is already ${request.status}`, { requestId, status: request.status });
  return request;
}

export function decideGrantBedStay(command: GrantBedStay, state: CourseState, context: DecisionContext): Decision<BedStayGranted> {
  const request = pendingRequest(state.bed, command.requestId);
  if (request instanceof DomainError) return { ok: false, error: request };
  const occurredAt = occurredAtOf(command, context);
  const outside = refuseOutsideAgreement(state.bed, request.nights, occurredAt);
  if (outside) return { ok: false, error: outside };
  return accept({ type: 'BedStayGranted', data: { occurredAt, requestId: request.requestId, nights: request.nights } });
}

export function decideDenyBedStay(command: DenyBedStay, state: CourseState, context: DecisionContext): Decision<BedStayDenied> {
  const request = pendingRequest(state.bed, command.requestId);
  if (request instanceof DomainError) return { ok: false, error: request };
  const { note } = command;
  return accept({
    type: 'BedStayDenied',
    data: { occurredAt: occurredAtOf(command, context), requestId: request.requestId, reason: command.reason, ...(note ? { note } : {}) },
  });
}

export function setRequestStatus(bed: BedState, requestId: string, status: BedStayRequestStatus): BedState {
  const requests = bed.requests.update(requestId, (request) => ({ ...request, status }));
  return requests === bed.requests ? bed : { ...bed, requests };
}

export function evolveBedStayRequest(bed: BedState, event: BedStayRequested | BedStayGranted | BedStayDenied): BedState {
  switch (event.type) {
    case 'BedStayRequested': {
      const { requestId, occurredAt } = event.data;
      return { ...bed, requests: bed.requests.with(requestId, { requestId, requestedAt: occurredAt, nights: event.data.nights, status: 'pending' }) };
    }
    case 'BedStayGranted':
      return setRequestStatus(bed, event.data.requestId, 'granted');
    case 'BedStayDenied':
      return setRequestStatus(bed, event.data.requestId, 'denied');
  }
}
