"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patientUnits = void 0;
const domainRecord_js_1 = require("./domain/domainRecord.js");
/**
 * The units each patient is in care at, from the first referral to or course at the
 * unit on: what lets a clinician of the unit see the patient (the timeline gateway
 * authorizes with it). Access is not taken away by a discharge or a rejection:
 * clinicians keep seeing the history they took part in.
 */
exports.patientUnits = {
    name: 'patient_units',
    version: 1,
    migrations: [
        `CREATE TABLE patient_units (
      patient_id uuid NOT NULL,
      unit_id text NOT NULL,
      since timestamptz NOT NULL,
      first_position bigint NOT NULL,
      PRIMARY KEY (patient_id, unit_id))`,
        'CREATE INDEX patient_units_by_unit ON patient_units (unit_id)',
    ],
    eventTypes: ['ReferralReceived', 'CourseStarted'],
    handle(events, writes) {
        const links = (0, domainRecord_js_1.toDomainRecords)(events).map((record) => {
            const { patientId, unitId } = record.data;
            return { patientId, unitId, since: record.occurredAt, position: record.position };
        });
        writes.add(`INSERT INTO patient_units AS known (patient_id, unit_id, since, first_position)
       SELECT patient_id, unit_id, min(since), min(position)
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bigint[]) AS link (patient_id, unit_id, since, position)
       GROUP BY patient_id, unit_id
       ON CONFLICT (patient_id, unit_id) DO UPDATE
       SET since = least(known.since, excluded.since), first_position = least(known.first_position, excluded.first_position)`, [links.map((link) => link.patientId), links.map((link) => link.unitId), links.map((link) => link.since), links.map((link) => link.position)]);
    },
};
//# sourceMappingURL=patientUnits.js.map