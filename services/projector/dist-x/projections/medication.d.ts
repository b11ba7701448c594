import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * The action points this record can check (Helse Sør-Øst plan): doses above one DDD and
 * whether they were justified (4), side-effect monitoring that is overdue (5), and
 * medication use per unit and class in DDDs per patient (7).
 */
export declare const medication: ProjectionDefinition;
//# sourceMappingURL=medication.d.ts.map