import type { ProjectionDefinition } from '../projectionDefinition.js';
/**
 * The units each patient is in care at, from the first referral to or course at the
 * unit on: what lets a clinician of the unit see the patient (the timeline gateway
 * authorizes with it). Access is not taken away by a discharge or a rejection:
 * clinicians keep seeing the history they took part in.
 */
export declare const patientUnits: ProjectionDefinition;
//# sourceMappingURL=patientUnits.d.ts.map