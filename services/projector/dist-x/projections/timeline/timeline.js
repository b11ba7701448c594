"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeline = void 0;
const domainFolds_js_1 = require("../domain/domainFolds.js");
const domainRecord_js_1 = require("../domain/domainRecord.js");
const eventKind_js_1 = require("../domain/eventKind.js");
const referenceUnits_js_1 = require("../domain/referenceUnits.js");
const streamStates_js_1 = require("../domain/streamStates.js");
const tableRows_js_1 = require("../domain/tableRows.js");
const timelineSummary_js_1 = require("./timelineSummary.js");
const CORRECTION = 'EntryMarkedEnteredInError';
const unitName = (unitId) => (0, referenceUnits_js_1.referenceData)().units.get(unitId)?.name ?? unitId;
/** Structured facts of the event for display: its data without clinical time and without any sealed field. */
function detailsOf(record) {
    const details = {};
    for (const field in record.data) {
        if (field !== 'occurredAt' && !record.sealedFields.includes(field))
            details[field] = record.data[field];
    }
    if (record.sealedFields.length > 0)
        details.sealedFields = record.sealedFields;
    return details;
}
function entryRow(record, patientId, where, context) {
    const summary = (0, timelineSummary_js_1.summarize)(record, { course: context.course, referral: context.referral, unitName });
    const entryId = record.type !== CORRECTION && typeof record.data.entryId === 'string' ? record.data.entryId : null;
    return {
        position: record.position,
        event_id: record.eventId,
        patient_id: patientId,
        course_id: where.courseId ?? null,
        referral_id: where.referralId ?? null,
        unit_id: where.unitId ?? null,
        occurred_at: record.occurredAt,
        recorded_at: record.recordedAt,
        kind: (0, eventKind_js_1.kindOf)(record.type),
        summary_nb: summary.nb,
        summary_en: summary.en,
        details: detailsOf(record),
        actor_role: record.actorRole,
        entry_id: entryId,
    };
}
/**
 * Each patient's course as they and their clinicians read it: one entry per event, in
 * global order, with a short summary in bokmål and English. A correction is an entry of
 * its own and marks the entry it retracts (which stays, shown as retracted).
 */
exports.timeline = {
    name: 'timeline',
    version: 3,
    migrations: [
        `CREATE TABLE timeline_entries (
      position bigint PRIMARY KEY,
      event_id uuid NOT NULL,
      patient_id uuid NOT NULL,
      course_id uuid,
      referral_id uuid,
      unit_id text,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      kind text NOT NULL,
      summary_nb text NOT NULL,
      summary_en text NOT NULL,
      details jsonb NOT NULL,
      actor_role text NOT NULL,
      -- The clinical entry this event recorded, which a correction may retract.
      entry_id uuid,
      retracted_by bigint,
      retracts bigint)`,
        'CREATE INDEX timeline_entries_by_patient ON timeline_entries (patient_id, position)',
        'CREATE INDEX timeline_entries_by_entry ON timeline_entries (course_id, entry_id) WHERE entry_id IS NOT NULL',
        // A course belongs to one patient: without this the planner takes patient and course for
        // independent, reads all of a patient's entries and sorts them to find a course's latest page.
        'CREATE STATISTICS timeline_entries_course_of_patient (dependencies) ON patient_id, course_id FROM timeline_entries',
    ],
    eventTypes: domainRecord_js_1.domainEventTypes,
    async handle(events, writes, context) {
        const records = (0, domainRecord_js_1.toDomainRecords)(events);
        const rows = [];
        for (const stream of await (0, streamStates_js_1.foldStreams)(context, domainFolds_js_1.courseFold, records)) {
            for (const { record, after } of stream.applied) {
                if (!after.course)
                    continue;
                const { patientId, unitId } = after.course;
                rows.push(entryRow(record, patientId, { courseId: stream.streamId, unitId }, { course: after }));
            }
        }
        for (const stream of await (0, streamStates_js_1.foldStreams)(context, domainFolds_js_1.referralFold, records)) {
            for (const { record, after } of stream.applied) {
                if (!after.referral)
                    continue;
                const { patientId, unitId } = after.referral;
                rows.push(entryRow(record, patientId, { referralId: stream.streamId, unitId }, { referral: after.referral }));
            }
        }
        for (const record of records.filter((candidate) => candidate.streamKind === 'patient')) {
            rows.push(entryRow(record, record.streamId, {}, {}));
        }
        // Retraction links start empty (NULL): only the corrections below set them.
        (0, tableRows_js_1.insertNewRows)(writes, 'timeline_entries', rows);
        const corrections = rows.filter((row) => row.kind === (0, eventKind_js_1.kindOf)(CORRECTION)).map((row) => row.position);
        if (corrections.length === 0)
            return;
        writes.add(`WITH pairs AS (
         SELECT correction.position AS correction, target.position AS target
         FROM timeline_entries correction
         JOIN timeline_entries target
           ON target.course_id = correction.course_id AND target.entry_id = (correction.details->>'entryId')::uuid
         WHERE correction.position = ANY($1::bigint[])),
       marked AS (UPDATE timeline_entries SET retracted_by = pairs.correction FROM pairs WHERE position = pairs.target)
       UPDATE timeline_entries SET retracts = pairs.target FROM pairs WHERE position = pairs.correction`, [corrections]);
    },
};
//# sourceMappingURL=timeline.js.map