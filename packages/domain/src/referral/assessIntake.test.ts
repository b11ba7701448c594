import type { AssessIntake, IntakeRejected } from './assessIntake.js';
import { referral, referralId, referralReceived } from '../testing/referralFixtures.js';

const at = '2024-12-16T13:00:00.000Z';
const accept = { type: 'AssessIntake', referralId, outcome: 'accepted', occurredAt: at } as const;
const reject = { type: 'AssessIntake', referralId, outcome: 'rejected', reasons: ['substance_dependence'], occurredAt: at } satisfies AssessIntake;
const rejected: IntakeRejected = { type: 'IntakeRejected', data: { occurredAt: at, reasons: ['substance_dependence'] } };

describe('AssessIntake', () => {
  test('accepted', () => {
    const state = referral.given(referralReceived()).when(accept).then({ type: 'IntakeAccepted', data: { occurredAt: at, waitlisted: false } });
    expect(state.referral).toMatchObject({ status: 'accepted', assessedAt: at, closedAt: null });
  });

  test('accepted onto the waitlist, with a note', () => {
    const state = referral
      .given(referralReceived())
      .when({ ...accept, waitlisted: true, note: 'Motivated; wants to taper olanzapine.' })
      .then({ type: 'IntakeAccepted', data: { occurredAt: at, waitlisted: true, note: 'Motivated; wants to taper olanzapine.' } });
    expect(state.referral?.status).toBe('waitlisted');
  });

  test('rejected with reasons from the reference data, duplicates folded', () => {
    const state = referral
      .given(referralReceived())
      .when({ ...reject, reasons: ['substance_dependence', 'violence_risk', 'substance_dependence'] })
      .then({ type: 'IntakeRejected', data: { occurredAt: at, reasons: ['substance_dependence', 'violence_risk'] } });
    expect(state.referral).toMatchObject({ status: 'rejected', rejectionReasons: ['substance_dependence', 'violence_risk'], closedAt: at });
  });

  test('a referral from a source the unit does not accept is rejected for that reason, not accepted', () => {
    const fromSelf = referralReceived({ source: 'self', sourceAccepted: false });
    referral.given(fromSelf).when(accept).thenRefused('referral_source_not_accepted', { source: 'self' });
    referral.given(fromSelf).when({ ...reject, reasons: ['referral_source_not_accepted'] }).then({
      type: 'IntakeRejected',
      data: { occurredAt: at, reasons: ['referral_source_not_accepted'] },
    });
  });

  test('refused when a rejection has no reason or an unknown one', () => {
    referral.given(referralReceived()).when({ ...reject, reasons: [] }).thenRefused('rejection_reasons_required');
    referral.given(referralReceived()).when({ type: 'AssessIntake', referralId, outcome: 'rejected' }).thenRefused('rejection_reasons_required');
    referral.given(referralReceived()).when({ ...reject, reasons: ['too_tall'] }).thenRefused('unknown_rejection_reason', { reasons: ['too_tall'] });
  });

  test('refused when the assessment mixes the outcomes', () => {
    referral.given(referralReceived()).when({ ...accept, reasons: ['violence_risk'] }).thenRefused('reasons_on_acceptance');
    referral.given(referralReceived()).when({ ...reject, waitlisted: true }).thenRefused('waitlist_on_rejection');
  });

  test('refused when assessed twice', () => {
    referral.given(referralReceived(), { type: 'IntakeAccepted', data: { occurredAt: at, waitlisted: true } }).when(accept).thenRefused('referral_already_assessed', { status: 'waitlisted' });
  });

  test('refused on a rejected (closed) referral, an unknown referral, or before the referral was received', () => {
    referral.given(referralReceived(), rejected).when(accept).thenRefused('referral_closed', { status: 'rejected' });
    referral.given().when(accept).thenRefused('referral_not_found');
    referral.given(referralReceived()).when({ ...accept, occurredAt: '2024-12-01T09:00:00.000Z' }).thenRefused('before_referral_received');
  });
});
