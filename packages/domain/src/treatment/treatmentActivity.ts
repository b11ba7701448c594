import { z } from 'zod';
import { accept, refuse, type Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, isoDate, personalText, uuid } from '../kernel/primitives.js';
import { occurredAtOf } from '../kernel/clinicalTime.js';
import { courseCommand } from '../course/courseCommand.js';
import type { TreatmentState } from './treatmentState.js';

const format = z.enum(['individual', 'group']);
/** A session longer than a day is a typing error, not a session. */
const durationMinutes = z.number().int().positive().max(24 * 60);

export const recordTreatmentActivityCommand = courseCommand('RecordTreatmentActivity', 'Record an individual or group session of a treatment method', {
  method: code,
  format,
  date: isoDate,
  durationMinutes,
  note: personalText.optional(),
});
export type RecordTreatmentActivity = z.infer<typeof recordTreatmentActivityCommand>;

export const treatmentActivityRecorded = defineEvent(
  'TreatmentActivityRecorded',
  { entryId: uuid, method: code, format, date: isoDate, durationMinutes, note: personalText.optional() },
  { personalFields: ['note'] },
);
export type TreatmentActivityRecorded = EventOf<typeof treatmentActivityRecorded>;

export function decideRecordTreatmentActivity(command: RecordTreatmentActivity, context: DecisionContext): Decision<TreatmentActivityRecorded> {
  if (!context.reference.treatmentMethods.has(command.method)) {
    return refuse('unknown_treatment_method', `No treatment method ${command.method} in the reference data`, { method: command.method });
  }
  // Dates are what a person reads, so "today" is the date in Norway.
  const today = context.now.setZone('Europe/Oslo').toISODate();
  if (today !== null && command.date > today) {
    return refuse('activity_date_in_future', 'A treatment activity cannot be recorded before it took place', { date: command.date, today });
  }
  const { method, date, note } = command;
  return accept({
    type: 'TreatmentActivityRecorded',
    data: {
      occurredAt: occurredAtOf(command, context),
      entryId: context.newId(),
      method,
      format: command.format,
      date,
      durationMinutes: command.durationMinutes,
      ...(note ? { note } : {}),
    },
  });
}

export function evolveTreatmentActivityRecorded(treatment: TreatmentState, { data }: TreatmentActivityRecorded): TreatmentState {
  const { entryId, method, format, date, durationMinutes } = data;
  return { ...treatment, activities: [...treatment.activities, { entryId, method, format, date, durationMinutes }] };
}
