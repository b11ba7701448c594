import { loadReferenceData, type ReferenceData } from '@medfri/reference-data';
import { escapeLiteral } from 'pg';

let reference: ReferenceData | undefined;

/**
 * The reference data (regions, units and their capacity, medications) read once. Read
 * models that use it are rebuilt when a site changes it (`rebuild <projection>`).
 */
export function referenceData(): ReferenceData {
  reference ??= loadReferenceData();
  return reference;
}

/** The region of a unit, or null for a unit the reference data does not know. */
export function regionOf(unitId: string): string | null {
  return referenceData().units.get(unitId)?.region ?? null;
}

/**
 * A private `_units` table with each unit's region and places, filled from the reference data
 * when the build is created, for views that relate counts to capacity.
 */
export function unitsTable(): string[] {
  const units = [...referenceData().units.values()];
  const values = units.map((unit) => `(${[
    escapeLiteral(unit.id), escapeLiteral(unit.name), escapeLiteral(unit.region),
    unit.earmarkedBeds, unit.dayPlaces, unit.outpatientPlaces, unit.userControlledBed,
  ].join(', ')})`);
  return [
    `CREATE TABLE _units (
      unit_id text PRIMARY KEY, name text NOT NULL, region_id text NOT NULL,
      earmarked_beds integer NOT NULL, day_places integer NOT NULL, outpatient_places integer NOT NULL,
      user_controlled_bed boolean NOT NULL)`,
    ...(values.length > 0 ? [`INSERT INTO _units VALUES ${values.join(', ')}`] : []),
  ];
}
