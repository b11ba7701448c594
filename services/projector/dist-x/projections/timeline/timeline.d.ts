import type { ProjectionDefinition } from '../../projectionDefinition.js';
/**
 * Each patient's course as they and their clinicians read it: one entry per event, in
 * global order, with a short summary in bokmål and English. A correction is an entry of
 * its own and marks the entry it retracts (which stays, shown as retracted).
 */
export declare const timeline: ProjectionDefinition;
//# sourceMappingURL=timeline.d.ts.map