import { z } from 'zod';
import type { Decider } from '../kernel/decider.js';
import { refuse } from '../kernel/decision.js';
import { refuseFutureClinicalTime, type ClinicallyTimed } from '../kernel/clinicalTime.js';
import { eventRegistry } from '../kernel/eventDefinition.js';
import { commandTypeOf } from '../kernel/defineCommand.js';
import { indexByType } from '../kernel/indexByType.js';
import { admissionArea } from '../admission/admissionArea.js';
import { treatmentArea } from '../treatment/treatmentArea.js';
import { correctionArea } from '../correction/correctionArea.js';
import { medicationArea } from '../medication/medicationArea.js';
import { taperingArea } from '../tapering/taperingArea.js';
import { observationArea } from '../observation/observationArea.js';
import { relapseArea } from '../relapse/relapseArea.js';
import { bedArea } from '../userControlledBed/bedArea.js';
import type { CourseArea } from './courseArea.js';
import { courseStarted } from './courseStarted.js';
import { initialCourseState, type CourseState } from './courseState.js';

/** Every part of a course. Each command and event type belongs to exactly one area. */
export const courseAreas: readonly CourseArea[] = [
  admissionArea,
  treatmentArea,
  medicationArea,
  taperingArea,
  observationArea,
  relapseArea,
  bedArea,
  correctionArea,
];

/** A course command as the composition sees it; each area's own schemas give the exact shape. */
export type CourseCommand = ClinicallyTimed & { readonly type: string; readonly [field: string]: unknown };
export type CourseEvent = { readonly type: string; readonly data: unknown };

const areaByCommand = indexByType(
  courseAreas.flatMap((area) => area.commands.map((schema) => ({ area, schema }))),
  ({ schema }) => commandTypeOf(schema),
  'course command',
);
const areaByEvent = indexByType(
  courseAreas.flatMap((area) => area.events.map((definition) => ({ area, definition }))),
  ({ definition }) => definition.type,
  'course event',
);
const retractable = new Set(courseAreas.flatMap((area) => area.retractable));

/** Schemas of every course command, in area order. */
export const courseCommandSchemas: readonly z.ZodObject[] = courseAreas.flatMap((area) => area.commands);

/** Any course command, validated by its `type`. */
export const courseCommandSchema = z.discriminatedUnion('type', courseCommandSchemas as [z.ZodObject, ...z.ZodObject[]]);

/** Every course event definition: stored course events are parsed (and upcast) through this registry. */
export const courseEvents = eventRegistry([courseStarted, ...courseAreas.flatMap((area) => area.events)]);

/** The only command that may act on a course that has not started: it starts it. */
const startingCommand = 'AdmitPatient';

function recordEntry(state: CourseState, event: CourseEvent): CourseState {
  if (!retractable.has(event.type)) return state;
  const { entryId } = event.data as { entryId: string };
  return { ...state, entries: state.entries.with(entryId, event.type) };
}

/**
 * The `course-<courseId>` stream: dispatches each command to the area owning it and each
 * event to the area owning it, after the rules common to every course command.
 */
export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  initialState: initialCourseState,
  decide(command, state, context) {
    const owner = areaByCommand.get(command.type);
    if (!owner) return refuse('unknown_command', `${command.type} is not a course command`, { type: command.type });
    const future = refuseFutureClinicalTime(command, context);
    if (future) return future;
    if (state.course === null && command.type !== startingCommand) {
      return refuse('course_not_started', 'The course has not started: the patient has not been admitted to this unit');
    }
    return owner.area.decide(command, state, context);
  },
  evolve(state, event) {
    if (event.type === courseStarted.type) {
      const { courseId, patientId, unitId } = event.data as z.infer<typeof courseStarted.schema>;
      return { ...state, course: { courseId, patientId, unitId } };
    }
    const owner = areaByEvent.get(event.type);
    if (!owner) throw new Error(`No course area evolves ${event.type}`);
    return recordEntry(owner.area.evolve(state, event), event);
  },
};
