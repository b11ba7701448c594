import type { ProjectionDefinition } from '../projectionDefinition.js';
import { courses } from './courses.js';
import { eventCounts } from './eventCounts.js';
import { medication } from './medication.js';
import { patientUnits } from './patientUnits.js';
import { referrals } from './referrals.js';
import { tapering } from './tapering.js';
import { timeline } from './timeline/timeline.js';
/** Every read model the projector maintains. */
export declare const allProjections: readonly ProjectionDefinition[];
export { courses, eventCounts, medication, patientUnits, referrals, tapering, timeline };
//# sourceMappingURL=index.d.ts.map