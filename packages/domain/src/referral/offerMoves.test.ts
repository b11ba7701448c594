import { referral, referralId, referralReceived } from '../testing/referralFixtures.js';

const at = '2025-01-10T09:00:00.000Z';
const accepted = (waitlisted: boolean) => ({ type: 'IntakeAccepted', data: { occurredAt: '2024-12-16T13:00:00.000Z', waitlisted } }) as const;
const withdrawn = { type: 'ReferralWithdrawn', data: { occurredAt: '2024-12-20T09:00:00.000Z' } } as const;

describe('OfferPlaceFromWaitlist', () => {
  const offer = { type: 'OfferPlaceFromWaitlist', referralId, occurredAt: at } as const;

  test('a waitlisted referral is offered a place', () => {
    const state = referral.given(referralReceived(), accepted(true)).when(offer).then({ type: 'WaitlistPlaceOffered', data: { occurredAt: at } });
    expect(state.referral?.status).toBe('accepted');
  });

  test('refused unless waitlisted', () => {
    referral.given(referralReceived()).when(offer).thenRefused('referral_not_waitlisted', { status: 'received' });
    referral.given(referralReceived(), accepted(false)).when(offer).thenRefused('referral_not_waitlisted', { status: 'accepted' });
  });
});

describe('RecordOfferDeclined', () => {
  const decline = { type: 'RecordOfferDeclined', referralId, note: 'Prefers to wait until after the summer.', occurredAt: at } as const;

  test('the patient declines the offer, after acceptance or from the waitlist', () => {
    const declined = { type: 'OfferDeclinedByPatient', data: { occurredAt: at, note: decline.note } } as const;
    const state = referral.given(referralReceived(), accepted(false)).when(decline).then(declined);
    expect(state.referral).toMatchObject({ status: 'declined', closedAt: at });
    referral.given(referralReceived(), accepted(true)).when(decline).then(declined);
  });

  test('refused before acceptance', () => {
    referral.given(referralReceived()).when(decline).thenRefused('offer_not_made');
  });

  test('refused on a declined (closed) referral', () => {
    referral
      .given(referralReceived(), accepted(false), { type: 'OfferDeclinedByPatient', data: { occurredAt: at } })
      .when(decline)
      .thenRefused('referral_closed', { status: 'declined' });
  });
});

describe('WithdrawReferral', () => {
  const withdraw = { type: 'WithdrawReferral', referralId, reason: 'The GP referred to the wrong unit.', occurredAt: at } as const;

  test('an open referral is withdrawn, before or after assessment', () => {
    const event = { type: 'ReferralWithdrawn', data: { occurredAt: at, reason: withdraw.reason } } as const;
    const state = referral.given(referralReceived()).when(withdraw).then(event);
    expect(state.referral).toMatchObject({ status: 'withdrawn', closedAt: at });
    referral.given(referralReceived(), accepted(true)).when(withdraw).then(event);
  });

  test('refused on a withdrawn referral, or one never registered', () => {
    referral.given(referralReceived(), withdrawn).when(withdraw).thenRefused('referral_closed', { status: 'withdrawn' });
    referral.given().when(withdraw).thenRefused('referral_not_found');
  });
});
