import { type CourseState, type ReferralState } from '@medfri/domain';
import type { StreamFold } from './streamStates.js';
/** Course streams folded with the domain's course decider. */
export declare const courseFold: StreamFold<CourseState>;
/** Referral streams folded with the domain's referral decider. */
export declare const referralFold: StreamFold<ReferralState>;
//# sourceMappingURL=domainFolds.d.ts.map