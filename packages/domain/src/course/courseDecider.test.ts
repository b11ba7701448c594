import { commandTypeOf } from '../kernel/defineCommand.js';
import { testId } from '../testing/testContext.js';
import { admittedCourse, course, courseId, patientId, unitId } from '../testing/courseFixtures.js';
import { courseAreas, courseCommandSchema, courseCommandSchemas, courseEvents } from './courseDecider.js';

const activity = {
  type: 'RecordTreatmentActivity',
  courseId,
  method: 'nada_acupuncture',
  format: 'group',
  date: '2025-02-03',
  durationMinutes: 45,
} as const;

test('a command no area owns is refused', () => {
  course.given(...admittedCourse()).when({ type: 'PaintTheWard', courseId }).thenRefused('unknown_command');
});

test('every command but the first admission is refused on a course that has not started', () => {
  course.given().when(activity).thenRefused('course_not_started');
});

test('retractable events are registered as entries of the course', () => {
  const { type: _type, courseId: _courseId, ...fields } = activity;
  const state = course.given(...admittedCourse()).when(activity).then({
    type: 'TreatmentActivityRecorded',
    data: { ...fields, occurredAt: '2025-03-03T09:00:00.000Z', entryId: testId(1) },
  });
  expect(state.entries.get(testId(1))).toEqual({ type: 'TreatmentActivityRecorded', retracted: false });
  expect(state.entries.standing()).toEqual([testId(1)]);
});

test('each area marks only its own events retractable', () => {
  for (const area of courseAreas) {
    const own = new Set(area.events.map((e) => e.type));
    for (const type of area.retractable) expect(own.has(type)).toBe(true);
  }
});

test('every course command has a summary for the API documentation and names its course (the first admission derives it)', () => {
  for (const schema of courseCommandSchemas) {
    expect(schema.description).toEqual(expect.any(String));
    if (commandTypeOf(schema) !== 'AdmitPatient') expect(Object.keys(schema.shape)).toContain('courseId');
  }
});

test('the command schema validates any course command by its type', () => {
  expect(courseCommandSchema.safeParse({ type: 'AdmitPatient', patientId, unitId, setting: 'outpatient', legalStatus: 'voluntary' }).success).toBe(true);
  expect(courseCommandSchema.safeParse({ type: 'AdmitPatient', patientId, unitId }).success).toBe(false);
  expect(courseCommandSchema.safeParse({ type: 'PaintTheWard', courseId }).success).toBe(false);
});

test('the event registry parses CourseStarted and every area\'s events', () => {
  expect(courseEvents.get('CourseStarted')).toBeDefined();
  for (const area of courseAreas) for (const definition of area.events) expect(courseEvents.get(definition.type)).toBe(definition);
});
