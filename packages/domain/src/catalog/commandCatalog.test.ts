import { courseId, patientId, unitId } from '../testing/courseFixtures.js';
import { testContext, testId } from '../testing/testContext.js';
import { courseIdFor } from '../course/courseId.js';
import { commandCatalog, commandCatalogEntry } from './commandCatalog.js';
import { decideOnState, decideOnStream, evolveStored } from './decideOnStream.js';
import { domainEvents } from './domainEvents.js';
import { parseStreamName, streamNameFor } from './streamName.js';

test('the catalog has every command once, each with a summary, a schema and its stream', () => {
  const types = commandCatalog.map((e) => e.type);
  expect(new Set(types).size).toBe(types.length);
  expect(types).toEqual(expect.arrayContaining([
    'RegisterReferral', 'AssessIntake', 'OfferPlaceFromWaitlist', 'RecordOfferDeclined', 'WithdrawReferral',
    'AdmitPatient', 'DischargePatient', 'RecordTreatmentActivity', 'RecordIndividualPlan', 'RecordCrisisPlanVersion',
    'RecordCopingPlanVersion', 'MarkEnteredInError', 'ReserveAgainstResearch', 'WithdrawResearchReservation',
  ]));
  for (const entry of commandCatalog) {
    expect(entry.summary.length).toBeGreaterThan(10);
    if (entry.idField) expect(Object.keys(entry.schema.shape)).toContain(entry.idField);
  }
  expect(commandCatalogEntry('AssessIntake')).toMatchObject({ stream: 'referral', idField: 'referralId' });
  expect(commandCatalogEntry('ReserveAgainstResearch')).toMatchObject({ stream: 'patient', idField: 'patientId' });
  expect(commandCatalogEntry('PaintTheWard')).toBeUndefined();
});

test('a command names its stream by its id field; AdmitPatient derives the course id from patient and unit', () => {
  const discharge = commandCatalogEntry('DischargePatient')!;
  expect(discharge.streamNameOf({ type: 'DischargePatient', courseId })).toBe(`course-${courseId}`);
  const admit = commandCatalogEntry('AdmitPatient')!;
  expect(admit.idField).toBeNull();
  expect(admit.streamIdOf({ type: 'AdmitPatient', patientId, unitId })).toBe(courseIdFor(patientId, unitId));
});

test('stream names round-trip; other names are not domain streams', () => {
  expect(parseStreamName(streamNameFor('referral', patientId))).toEqual({ kind: 'referral', id: patientId });
  expect(parseStreamName('course-not-a-uuid')).toBeNull();
  expect(parseStreamName(`$projection-${patientId}`)).toBeNull();
});

test('every event of every stream is in the domain registry, with the fields to seal', () => {
  for (const entry of commandCatalog) for (const definition of entry.events.definitions) expect(domainEvents.get(definition.type)).toBe(definition);
  expect(domainEvents.get('PatientDischarged')?.personalFields).toEqual(['summary', 'taperingAdviceForGp', 'followUp']);
  expect(domainEvents.get('CourseStarted')?.personalFields).toEqual([]);
});

test('decideOnStream parses the stored history, decides, and stamps the new events with their version', () => {
  const admit = commandCatalogEntry('AdmitPatient')!;
  const parsed = admit.parse({ type: 'AdmitPatient', patientId, unitId, setting: 'earmarked_bed', legalStatus: 'voluntary' });
  if (!parsed.success) throw parsed.error;
  const command = parsed.data;
  const first = decideOnStream(admit, command, [], testContext());
  expect(first).toMatchObject({ ok: true, events: [{ type: 'CourseStarted', version: 1 }, { type: 'PatientAdmitted', version: 1 }] });
  const history = first.ok ? first.events : [];
  expect(decideOnStream(admit, command, history, testContext())).toMatchObject({ ok: false, error: { code: 'already_admitted' } });

  const discharge = commandCatalogEntry('DischargePatient')!;
  const discharged = decideOnStream(discharge, { type: 'DischargePatient', courseId, summary: 'Home.' }, history, testContext());
  expect(discharged).toMatchObject({ ok: true, events: [{ type: 'PatientDischarged', data: { admissionId: testId(1) } }] });
});

test('a state folded event by event with evolveStored decides as the whole history does', () => {
  const admit = commandCatalogEntry('AdmitPatient')!;
  const command = { type: 'AdmitPatient', patientId, unitId, setting: 'day_place', legalStatus: 'voluntary' };
  const first = decideOnStream(admit, command, [], testContext());
  const history = first.ok ? first.events : [];
  expect(history).toHaveLength(2);
  const state = history.reduce<unknown>((folded, event) => evolveStored(admit, folded, event), admit.decider.initialState);
  expect(decideOnState(admit, command, state, testContext())).toEqual(decideOnStream(admit, command, history, testContext()));
  const discharge = commandCatalogEntry('DischargePatient')!;
  const dischargeCommand = { type: 'DischargePatient', courseId, summary: 'Home.' };
  expect(decideOnState(discharge, dischargeCommand, state, testContext())).toEqual(decideOnStream(discharge, dischargeCommand, history, testContext()));
});

test('parse validates a request body against the command\'s schema', () => {
  const entry = commandCatalogEntry('RecordTreatmentActivity')!;
  expect(entry.parse({ type: 'RecordTreatmentActivity', courseId, method: 'act', format: 'group', date: '2025-01-01', durationMinutes: 0 }).success).toBe(false);
});

test('decideOnStream will not run a command through another command\'s entry', () => {
  expect(() => decideOnStream(commandCatalogEntry('AdmitPatient')!, { type: 'DischargePatient' }, [], testContext())).toThrow(/DischargePatient/);
});
