import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * What evaluators ask of referrals, per unit, region and month (Europe/Oslo): received
 * (by source, and how many were referrals again of the same patient), accepted,
 * waitlisted, rejected (by reason), declined, withdrawn; and admissions and
 * readmissions. Referral outcomes count in the month the referral was received,
 * admissions in the month of admission.
 */
export declare const referrals: ProjectionDefinition;
//# sourceMappingURL=referrals.d.ts.map