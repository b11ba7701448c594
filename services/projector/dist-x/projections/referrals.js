"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referrals = void 0;
const domainFolds_js_1 = require("./domain/domainFolds.js");
const domainRecord_js_1 = require("./domain/domainRecord.js");
const eventKind_js_1 = require("./domain/eventKind.js");
const referenceUnits_js_1 = require("./domain/referenceUnits.js");
const streamStates_js_1 = require("./domain/streamStates.js");
const tableRows_js_1 = require("./domain/tableRows.js");
const UNKNOWN_REGION = 'unknown';
const region = (unitId) => (0, referenceUnits_js_1.regionOf)(unitId) ?? UNKNOWN_REGION;
const month = (column) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Oslo')::date`;
const REFERRAL_EVENTS = ['ReferralReceived', 'IntakeAccepted', 'IntakeRejected', 'WaitlistPlaceOffered', 'OfferDeclinedByPatient', 'ReferralWithdrawn'];
function referralRows(referralId, { referral }) {
    return referral ? [{
            referral_id: referralId, patient_id: referral.patientId, unit_id: referral.unitId, region_id: region(referral.unitId),
            source: referral.source, source_accepted: referral.sourceAccepted, statement_missing: referral.statementMissing,
            diagnosis_group: referral.diagnosisGroup, received_at: referral.receivedAt, status: referral.status,
            accepted: referral.assessedAt !== null && referral.rejectionReasons.length === 0 && referral.status !== 'rejected',
            assessed_at: referral.assessedAt, rejection_reasons: referral.rejectionReasons, closed_at: referral.closedAt,
        }] : [];
}
/**
 * What evaluators ask of referrals, per unit, region and month (Europe/Oslo): received
 * (by source, and how many were referrals again of the same patient), accepted,
 * waitlisted, rejected (by reason), declined, withdrawn; and admissions and
 * readmissions. Referral outcomes count in the month the referral was received,
 * admissions in the month of admission.
 */
exports.referrals = {
    name: 'referrals',
    version: 2,
    migrations: [
        `CREATE TABLE referrals (
      referral_id uuid PRIMARY KEY, patient_id uuid NOT NULL, unit_id text NOT NULL, region_id text NOT NULL,
      source text NOT NULL, source_accepted boolean NOT NULL, statement_missing boolean NOT NULL, diagnosis_group text NOT NULL,
      received_at timestamptz NOT NULL, status text NOT NULL, accepted boolean NOT NULL, assessed_at timestamptz,
      rejection_reasons text[] NOT NULL, closed_at timestamptz)`,
        'CREATE INDEX referrals_by_patient ON referrals (patient_id, unit_id)',
        `CREATE TABLE referral_events (
      position bigint PRIMARY KEY, referral_id uuid NOT NULL, kind text NOT NULL, occurred_at timestamptz NOT NULL, waitlisted boolean)`,
        'CREATE INDEX referral_events_by_referral ON referral_events (referral_id)',
        `CREATE TABLE admissions (
      admission_id uuid PRIMARY KEY, course_id uuid NOT NULL, patient_id uuid NOT NULL, unit_id text NOT NULL, region_id text NOT NULL,
      setting text NOT NULL, admitted_at timestamptz NOT NULL, readmission boolean NOT NULL, referral_id uuid)`,
        `CREATE TABLE _courses (course_id uuid PRIMARY KEY, patient_id uuid NOT NULL, unit_id text NOT NULL, region_id text NOT NULL)`,
    ],
    views: [
        {
            name: 'referral_outcomes',
            sql: `SELECT r.*, ${month('r.received_at')} AS period,
          EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.referral_id AND e.kind = 'intake_accepted' AND e.waitlisted) AS waitlisted,
          EXISTS (SELECT 1 FROM referrals earlier JOIN referral_events received ON received.referral_id = earlier.referral_id
                    AND received.kind = 'referral_received'
                  WHERE earlier.patient_id = r.patient_id AND earlier.unit_id = r.unit_id
                    AND received.position < (SELECT e.position FROM referral_events e
                                             WHERE e.referral_id = r.referral_id AND e.kind = 'referral_received')) AS referred_again
        FROM referrals r`,
        },
        {
            name: 'referral_funnel',
            sql: `WITH referred AS (
          SELECT unit_id, region_id, period,
            count(*) AS received, count(*) FILTER (WHERE referred_again) AS received_again,
            count(*) FILTER (WHERE accepted) AS accepted, count(*) FILTER (WHERE waitlisted) AS waitlisted,
            count(*) FILTER (WHERE status = 'rejected') AS rejected, count(*) FILTER (WHERE status = 'declined') AS declined,
            count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn, count(*) FILTER (WHERE status = 'received') AS awaiting_assessment
          FROM referral_outcomes GROUP BY unit_id, region_id, period),
        admitted AS (
          SELECT unit_id, region_id, ${month('admitted_at')} AS period,
            count(*) FILTER (WHERE NOT readmission) AS admitted, count(*) FILTER (WHERE readmission) AS readmitted
          FROM admissions GROUP BY 1, 2, 3)
        SELECT unit_id, region_id, period,
          coalesce(received, 0) AS received, coalesce(received_again, 0) AS received_again,
          coalesce(accepted, 0) AS accepted, coalesce(waitlisted, 0) AS waitlisted, coalesce(rejected, 0) AS rejected,
          coalesce(declined, 0) AS declined, coalesce(withdrawn, 0) AS withdrawn, coalesce(awaiting_assessment, 0) AS awaiting_assessment,
          coalesce(admitted, 0) AS admitted, coalesce(readmitted, 0) AS readmitted
        FROM referred FULL JOIN admitted USING (unit_id, region_id, period)`,
        },
        {
            name: 'referral_funnel_by_region',
            sql: `SELECT region_id, period, sum(received) AS received, sum(received_again) AS received_again, sum(accepted) AS accepted,
          sum(waitlisted) AS waitlisted, sum(rejected) AS rejected, sum(declined) AS declined, sum(withdrawn) AS withdrawn,
          sum(awaiting_assessment) AS awaiting_assessment, sum(admitted) AS admitted, sum(readmitted) AS readmitted
        FROM referral_funnel GROUP BY region_id, period`,
        },
        {
            name: 'referral_sources',
            sql: 'SELECT unit_id, region_id, period, source, count(*) AS received FROM referral_outcomes GROUP BY unit_id, region_id, period, source',
        },
        {
            name: 'referral_rejection_reasons',
            sql: `SELECT unit_id, region_id, period, reason, count(*) AS rejected
        FROM referral_outcomes CROSS JOIN unnest(rejection_reasons) AS reason
        WHERE status = 'rejected' GROUP BY unit_id, region_id, period, reason`,
        },
    ],
    eventTypes: [...REFERRAL_EVENTS, 'CourseStarted', 'PatientAdmitted'],
    async handle(events, writes, context) {
        const records = (0, domainRecord_js_1.toDomainRecords)(events);
        const streams = (await (0, streamStates_js_1.foldStreams)(context, domainFolds_js_1.referralFold, records)).filter((stream) => stream.state.referral);
        (0, tableRows_js_1.replaceChangedRows)(writes, 'referrals', ['referral_id'], streams, referralRows);
        (0, tableRows_js_1.insertNewRows)(writes, 'referral_events', streams.flatMap(({ streamId, applied }) => applied.map(({ record }) => ({
            position: record.position, referral_id: streamId, kind: (0, eventKind_js_1.kindOf)(record.type), occurred_at: record.occurredAt,
            waitlisted: typeof record.data.waitlisted === 'boolean' ? record.data.waitlisted : null,
        }))));
        (0, tableRows_js_1.insertNewRows)(writes, '_courses', records.filter((record) => record.type === 'CourseStarted').map((record) => ({
            course_id: record.streamId, patient_id: record.data.patientId, unit_id: record.data.unitId, region_id: region(String(record.data.unitId)),
        })));
        const admitted = records.filter((record) => record.type === 'PatientAdmitted');
        if (admitted.length === 0)
            return;
        writes.add(`INSERT INTO admissions (admission_id, course_id, patient_id, unit_id, region_id, setting, admitted_at, readmission, referral_id)
       SELECT a.admission_id, a.course_id, c.patient_id, c.unit_id, c.region_id, a.setting, a.admitted_at, a.readmission, a.referral_id
       FROM jsonb_to_recordset($1::jsonb) AS a (admission_id uuid, course_id uuid, setting text, admitted_at timestamptz, readmission boolean, referral_id uuid)
       JOIN _courses c ON c.course_id = a.course_id
       ON CONFLICT (admission_id) DO NOTHING`, [
            JSON.stringify(admitted.map((record) => ({
                admission_id: record.data.admissionId, course_id: record.streamId, setting: record.data.setting,
                admitted_at: record.occurredAt, readmission: record.data.readmission, referral_id: record.data.referralId ?? null,
            }))),
        ]);
    },
};
//# sourceMappingURL=referrals.js.map