import { patientId } from '../testing/courseFixtures.js';
import { receivedAt, referral, referralId, referralReceived } from '../testing/referralFixtures.js';

const register = {
  type: 'RegisterReferral',
  referralId,
  patientId,
  unitId: 'unn-asgard',
  source: 'gp',
  diagnosisGroup: 'psychosis',
  icd10Code: 'F20.0',
  patientStatementAttached: true,
  legalStatus: 'voluntary',
  occurredAt: receivedAt,
} as const;

describe('RegisterReferral', () => {
  test('records a referral from a source the unit accepts', () => {
    const state = referral.given().when(register).then(referralReceived());
    expect(state.referral).toMatchObject({ status: 'received', sourceAccepted: true, statementMissing: false, receivedAt });
  });

  test('a referral from a source the unit does not accept is recorded and flagged, not refused', () => {
    referral.given().when({ ...register, source: 'self' }).then(referralReceived({ source: 'self', sourceAccepted: false }));
  });

  test('a missing patient statement is flagged where the unit requires one, and only there', () => {
    referral.given().when({ ...register, patientStatementAttached: false }).then(
      referralReceived({ patientStatementAttached: false, statementMissing: true }),
    );
    referral.given().when({ ...register, unitId: 'lovisenberg-dps', patientStatementAttached: false }).then(
      referralReceived({ unitId: 'lovisenberg-dps', patientStatementAttached: false, statementMissing: false }),
    );
  });

  test('the ICD-10 code is optional; under involuntary care the referral is still recorded', () => {
    const { icd10Code: _code, ...withoutCode } = register;
    const { icd10Code: _expected, ...data } = referralReceived({ legalStatus: 'involuntary_tph' }).data;
    referral.given().when({ ...withoutCode, legalStatus: 'involuntary_tph' }).then({ type: 'ReferralReceived', data });
  });

  test('refused for an ICD-10 code outside the diagnosis group', () => {
    referral.given().when({ ...register, icd10Code: 'F32.1' }).thenRefused('icd10_outside_diagnosis_group', { icd10Code: 'F32.1', diagnosisGroup: 'psychosis' });
    referral.given().when({ ...register, diagnosisGroup: 'sleep', icd10Code: 'G47.0' }).then(referralReceived({ diagnosisGroup: 'sleep', icd10Code: 'G47.0' }));
  });

  test('refused for codes not in the reference data', () => {
    referral.given().when({ ...register, unitId: 'nowhere' }).thenRefused('unknown_unit');
    referral.given().when({ ...register, source: 'pharmacy' }).thenRefused('unknown_referral_source');
    referral.given().when({ ...register, diagnosisGroup: 'melancholy' }).thenRefused('unknown_diagnosis_group');
  });

  test('refused when the referral is already registered', () => {
    referral.given(referralReceived()).when(register).thenRefused('referral_already_registered');
  });

  test('refused when dated in the future', () => {
    referral.given().when({ ...register, occurredAt: '2025-03-04T09:00:00.000Z' }).thenRefused('occurred_in_future');
  });
});
