import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * Events per stream category and type: an operator's view of what the store holds,
 * independent of the domain's event shapes.
 */
export declare const eventCounts: ProjectionDefinition;
//# sourceMappingURL=eventCounts.d.ts.map