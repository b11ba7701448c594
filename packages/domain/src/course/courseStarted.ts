import { defineEvent, type EventOf } from '../kernel/eventDefinition.js';
import { code, uuid } from '../kernel/primitives.js';

/** The first event of every course stream, emitted with the first admission; names whose course it is. */
export const courseStarted = defineEvent('CourseStarted', {
  courseId: uuid,
  patientId: uuid,
  unitId: code,
});
export type CourseStarted = EventOf<typeof courseStarted>;
