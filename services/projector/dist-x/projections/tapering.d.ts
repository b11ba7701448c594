import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * Tapering per medication: each plan with where the patient is in it (current step,
 * holds, reversals, days on the current dose), every step planned against what
 * happened, and the medication's actual dose over time.
 */
export declare const tapering: ProjectionDefinition;
//# sourceMappingURL=tapering.d.ts.map