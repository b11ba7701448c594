import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * Each course (one patient at one unit) summarised, its admissions and its stays in the
 * user-controlled bed; per unit, the courses at a glance and the census of every day.
 * Rows are derived from the domain's course state, rewritten for each course whose
 * rows a batch changes.
 */
export declare const courses: ProjectionDefinition;
//# sourceMappingURL=courses.d.ts.map