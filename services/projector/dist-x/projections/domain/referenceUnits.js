"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referenceData = referenceData;
exports.regionOf = regionOf;
exports.unitsTable = unitsTable;
const reference_data_1 = require("@medfri/reference-data");
const pg_1 = require("pg");
let reference;
/**
 * The reference data (regions, units and their capacity, medications) read once. Read
 * models that use it are rebuilt when a site changes it (`rebuild <projection>`).
 */
function referenceData() {
    reference ??= (0, reference_data_1.loadReferenceData)();
    return reference;
}
/** The region of a unit, or null for a unit the reference data does not know. */
function regionOf(unitId) {
    return referenceData().units.get(unitId)?.region ?? null;
}
/**
 * A private `_units` table with each unit's region and places, filled from the reference data
 * when the build is created, for views that relate counts to capacity.
 */
function unitsTable() {
    const units = [...referenceData().units.values()];
    const values = units.map((unit) => `(${[
        (0, pg_1.escapeLiteral)(unit.id), (0, pg_1.escapeLiteral)(unit.name), (0, pg_1.escapeLiteral)(unit.region),
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
//# sourceMappingURL=referenceUnits.js.map