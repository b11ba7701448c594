import { type ReferenceData } from '@medfri/reference-data';
/**
 * The reference data (regions, units and their capacity, medications) read once. Read
 * models that use it are rebuilt when a site changes it (`rebuild <projection>`).
 */
export declare function referenceData(): ReferenceData;
/** The region of a unit, or null for a unit the reference data does not know. */
export declare function regionOf(unitId: string): string | null;
/**
 * A private `_units` table with each unit's region and places, filled from the reference data
 * when the build is created, for views that relate counts to capacity.
 */
export declare function unitsTable(): string[];
//# sourceMappingURL=referenceUnits.d.ts.map