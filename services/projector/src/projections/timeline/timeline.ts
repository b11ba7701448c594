import type { CourseState, Referral } from '@medfri/domain';
import type { ProjectionDefinition } from '../../projectionDefinition.js';
import { courseFold, referralFold } from '../domain/domainFolds.js';
import { domainEventTypes, toDomainRecords, type DomainRecord } from '../domain/domainRecord.js';
import { kindOf } from '../domain/eventKind.js';
import { referenceData } from '../domain/referenceUnits.js';
import { foldStreams } from '../domain/streamStates.js';
import { insertNewRows } from '../domain/tableRows.js';
import { summarize } from './timelineSummary.js';

/** A row of timeline_entries as inserted, keyed by column. */
interface EntryRow {
  position: number;
  event_id: string;
  patient_id: string;
  course_id: string | null;
  referral_id: string | null;
  unit_id: string | null;
  occurred_at: string;
  recorded_at: string;
  kind: string;
  summary_nb: string;
  summary_en: string;
  details: Record<string, unknown>;
  actor_role: string;
  entry_id: string | null;
}

const CORRECTION = 'EntryMarkedEnteredInError';

const unitName = (unitId: string) => referenceData().units.get(unitId)?.name ?? unitId;

/** Structured facts of the event for display: its data without clinical time and without any sealed field. */
function detailsOf(record: DomainRecord): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const field in record.data) {
    if (field !== 'occurredAt' && !record.sealedFields.includes(field)) details[field] = record.data[field];
  }
  if (record.sealedFields.length > 0) details.sealedFields = record.sealedFields;
  return details;
}

function entryRow(record: DomainRecord, patientId: string, where: { courseId?: string; referralId?: string; unitId?: string },
  context: { course?: CourseState; referral?: Referral | null }): EntryRow {
  const summary = summarize(record, { course: context.course, referral: context.referral, unitName });
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
    kind: kindOf(record.type),
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
export const timeline: ProjectionDefinition = {
  name: 'timeline',
  version: 5,
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
      -- json, not jsonb: stored as written, which spares PostgreSQL a conversion per entry;
      -- nothing queries inside it but the retraction below, once per correction.
      details json NOT NULL,
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
  eventTypes: domainEventTypes,
  async handle(events, writes, context) {
    const records = toDomainRecords(events);
    const rows: EntryRow[] = [];
    for (const stream of await foldStreams(context, courseFold, records)) {
      for (const { record, after } of stream.applied) {
        if (!after.course) continue;
        const { patientId, unitId } = after.course;
        rows.push(entryRow(record, patientId, { courseId: stream.streamId, unitId }, { course: after }));
      }
    }
    for (const stream of await foldStreams(context, referralFold, records)) {
      for (const { record, after } of stream.applied) {
        if (!after.referral) continue;
        const { patientId, unitId } = after.referral;
        rows.push(entryRow(record, patientId, { referralId: stream.streamId, unitId }, { referral: after.referral }));
      }
    }
    for (const record of records.filter((candidate) => candidate.streamKind === 'patient')) {
      rows.push(entryRow(record, record.streamId, {}, {}));
    }
    // Retraction links start empty (NULL): only the corrections below set them.
    insertNewRows(writes, 'timeline_entries', rows);
    const corrections = rows.filter((row) => row.kind === kindOf(CORRECTION)).map((row) => row.position);
    if (corrections.length === 0) return;
    writes.add(
      `WITH pairs AS (
         SELECT correction.position AS correction, target.position AS target
         FROM timeline_entries correction
         JOIN timeline_entries target
           ON target.course_id = correction.course_id AND target.entry_id = (correction.details->>'entryId')::uuid
         WHERE correction.position = ANY($1::bigint[])),
       marked AS (UPDATE timeline_entries SET retracted_by = pairs.correction FROM pairs WHERE position = pairs.target)
       UPDATE timeline_entries SET retracts = pairs.target FROM pairs WHERE position = pairs.correction`,
      [corrections]);
  },
};
