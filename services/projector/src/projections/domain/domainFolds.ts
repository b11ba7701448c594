import { courseDecider, referralDecider, type CourseState, type ReferralState } from '@medfri/domain';
import type { StreamFold } from './streamStates.js';

/** Course streams folded with the domain's course decider. */
export const courseFold: StreamFold<CourseState> = {
  kind: 'course',
  initialState: courseDecider.initialState,
  evolve: (state, event) => courseDecider.evolve(state, event),
};

/** Referral streams folded with the domain's referral decider. */
export const referralFold: StreamFold<ReferralState> = {
  kind: 'referral',
  initialState: referralDecider.initialState,
  evolve: (state, event) => referralDecider.evolve(state, event as Parameters<typeof referralDecider.evolve>[1]),
};
