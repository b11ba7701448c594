import { referralDecider, referralEvents } from '../referral/referralDecider.js';
import type { ReferralReceived } from '../referral/registerReferral.js';
import { specification } from './specification.js';
import { patientId } from './courseFixtures.js';

export const referralId = 'b0000000-0000-4000-8000-000000000001';
export const receivedAt = '2024-12-02T09:00:00.000Z';

/** Given/when/then for the referral stream, every event checked against its schema. */
export const referral = specification(referralDecider, { events: referralEvents });

/** A GP referral to Åsgard (which accepts GPs and wants a patient statement), statement attached. */
export function referralReceived(overrides: Partial<ReferralReceived['data']> = {}): ReferralReceived {
  return {
    type: 'ReferralReceived',
    data: {
      occurredAt: receivedAt, referralId, patientId, unitId: 'unn-asgard', source: 'gp', diagnosisGroup: 'psychosis', icd10Code: 'F20.0',
      patientStatementAttached: true, legalStatus: 'voluntary', sourceAccepted: true, statementMissing: false, ...overrides,
    },
  };
}
