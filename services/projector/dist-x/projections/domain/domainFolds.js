"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referralFold = exports.courseFold = void 0;
const domain_1 = require("@medfri/domain");
/** Course streams folded with the domain's course decider. */
exports.courseFold = {
    kind: 'course',
    initialState: domain_1.courseDecider.initialState,
    evolve: (state, event) => domain_1.courseDecider.evolve(state, event),
};
/** Referral streams folded with the domain's referral decider. */
exports.referralFold = {
    kind: 'referral',
    initialState: domain_1.referralDecider.initialState,
    evolve: (state, event) => domain_1.referralDecider.evolve(state, event),
};
//# sourceMappingURL=domainFolds.js.map