import { fold } from '../kernel/decider.js';
import { commandCatalogEntry } from '../catalog/commandCatalog.js';
import { decideOnStream, type VersionedEvent } from '../catalog/decideOnStream.js';
import { domainEvents } from '../catalog/domainEvents.js';
import { referralDecider } from '../referral/referralDecider.js';
import { patientDecider } from '../patient/patientDecider.js';
import { effectiveResearchReservation } from '../patient/patientState.js';
import { currentPlanVersion } from '../treatment/versionedPlan.js';
import { standingEntries } from '../correction/standingEntries.js';
import { sequentialIds, testContext } from '../testing/testContext.js';
import { courseDecider } from './courseDecider.js';
import { courseIdFor } from './courseId.js';

/**
 * One year of one course, driven the way the API drives the domain: each request body is
 * parsed by its catalog entry and decided on its stream's stored history (decideOnStream),
 * with "now" at the clinical time of the step and one id sequence for the whole year.
 */
const store = new Map<string, VersionedEvent[]>();
const newId = sequentialIds();

function send(body: Record<string, unknown> & { type: string; occurredAt: string }): VersionedEvent[] {
  const entry = commandCatalogEntry(body.type);
  if (!entry) throw new Error(`No command ${body.type}`);
  const parsed = entry.parse(body);
  if (!parsed.success) throw new Error(`${body.type} is invalid: ${parsed.error.message}`);
  const stream = entry.streamNameOf(parsed.data);
  const history = store.get(stream) ?? [];
  const decision = decideOnStream(entry, parsed.data, history, testContext({ now: body.occurredAt, newId }));
  if (!decision.ok) throw new Error(`${body.type} on ${body.occurredAt} was refused: ${decision.error.code}: ${decision.error.message}`);
  store.set(stream, [...history, ...decision.events]);
  return [...decision.events];
}

function refusal(body: Record<string, unknown> & { type: string; occurredAt: string }): string {
  const entry = commandCatalogEntry(body.type)!;
  const parsed = entry.parse(body);
  if (!parsed.success) throw parsed.error;
  const decision = decideOnStream(entry, parsed.data, store.get(entry.streamNameOf(parsed.data)) ?? [], testContext({ now: body.occurredAt, newId }));
  if (decision.ok) throw new Error(`${body.type} was accepted`);
  return decision.error.code;
}

/** The id field of the only event of a decision that has it. */
function idOf(events: readonly VersionedEvent[], field: string): string {
  const value = events.map((e) => (e.data as Record<string, unknown>)[field]).find((v) => typeof v === 'string');
  if (typeof value !== 'string') throw new Error(`No ${field} in ${events.map((e) => e.type).join(', ')}`);
  return value;
}

/** A stream's state as a reader would fold it: stored events parsed through the registry of all events. */
const stateOf = <S>(decider: { initialState: S; evolve(state: S, event: { type: string; data: unknown }): S }, stream: string): S =>
  fold(decider, (store.get(stream) ?? []).map((e) => domainEvents.parse(e.type, e.data, e.version)));

const patientId = '7d4c2b1a-0f9e-4d8c-a7b6-5c4d3e2f1a0b';
const unitId = 'unn-asgard';
const referralId = '1e2d3c4b-5a69-4788-9766-554433221100';
const courseId = courseIdFor(patientId, unitId);
const olanzapine = 'N05AH03';

test('a year of a course: referral, admission, tapering with a hold, a reversal and a relapse, discharge, user-controlled bed stays, research choice, a correction', () => {
  // Referral from the GP to Åsgard, which takes GP referrals and wants the patient's own statement.
  const received = send({
    type: 'RegisterReferral', occurredAt: '2024-11-18T09:30:00.000Z', referralId, patientId, unitId, source: 'gp',
    diagnosisGroup: 'psychosis', icd10Code: 'F20.0', patientStatementAttached: true, legalStatus: 'voluntary',
  });
  expect(received[0]?.data).toMatchObject({ sourceAccepted: true, statementMissing: false });
  send({ type: 'AssessIntake', occurredAt: '2024-12-02T13:00:00.000Z', referralId, outcome: 'accepted', waitlisted: true });
  send({ type: 'OfferPlaceFromWaitlist', occurredAt: '2024-12-20T10:00:00.000Z', referralId });
  expect(stateOf(referralDecider, `referral-${referralId}`).referral).toMatchObject({ status: 'accepted', closedAt: null });

  // Admission to an earmarked bed starts the course.
  const admitted = send({ type: 'AdmitPatient', occurredAt: '2025-01-06T10:00:00.000Z', patientId, unitId, setting: 'earmarked_bed', legalStatus: 'voluntary', referralId });
  expect(admitted.map((e) => e.type)).toEqual(['CourseStarted', 'PatientAdmitted']);
  expect(refusal({ type: 'AdmitPatient', occurredAt: '2025-01-07T10:00:00.000Z', patientId, unitId, setting: 'earmarked_bed', legalStatus: 'voluntary' })).toBe('already_admitted');

  // Olanzapine 15 mg a day is 1.5 DDD: above one DDD it needs a justification.
  const medication = {
    type: 'RecordMedicationInUse', occurredAt: '2025-01-06T12:00:00.000Z', courseId, atc: olanzapine, dose: 15, unit: 'mg',
    frequency: { kind: 'daily', timesPerDay: 1 }, formulation: 'tablet', rounding: { strengths: [2.5, 5, 7.5, 10, 15] },
  };
  expect(refusal(medication)).toBe('dose_above_ddd_requires_justification');
  const recorded = send({ ...medication, justificationAboveDdd: 'Dose set during an acute admission last spring; tapering is the aim of this stay.' });
  expect(recorded[0]?.data).toMatchObject({ dailyDose: 15, ddds: 1.5 });
  const medicationId = idOf(recorded, 'medicationId');

  // Research: the patient reserves early, and changes their mind in the autumn.
  send({ type: 'ReserveAgainstResearch', occurredAt: '2025-01-08T14:00:00.000Z', patientId });

  send({ type: 'RecordCrisisPlanVersion', occurredAt: '2025-01-10T13:00:00.000Z', courseId, content: 'Early signs: sleeping under four hours, voices louder. Call the ward.', patientAgreed: true });
  send({ type: 'RecordIndividualPlan', occurredAt: '2025-01-10T14:00:00.000Z', courseId, exists: true, coordinatorRole: 'nurse', establishedOn: '2025-01-10' });
  send({ type: 'RecordTreatmentActivity', occurredAt: '2025-01-13T15:00:00.000Z', courseId, method: 'istdp', format: 'individual', date: '2025-01-13', durationMinutes: 50 });
  send({ type: 'RecordTreatmentActivity', occurredAt: '2025-01-14T15:00:00.000Z', courseId, method: 'physical_activity', format: 'group', date: '2025-01-14', durationMinutes: 90 });

  // A hyperbolic plan agreed with the patient: 10% of the current dose every four weeks.
  const created = send({
    type: 'CreateTaperingPlan', occurredAt: '2025-01-20T10:00:00.000Z', courseId, medicationId, agreedWithPatient: true,
    schedule: { kind: 'hyperbolic', startDate: '2025-02-03', intervalDays: 28, percent: 10, endAt: 'zero' },
  });
  const planId = idOf(created, 'planId');
  const step = (type: string, occurredAt: string, stepIndex: number, extra: Record<string, unknown> = {}) =>
    send({ type, occurredAt, courseId, planId, stepIndex, ...extra });

  step('StartTaperingStep', '2025-02-03T09:00:00.000Z', 1);
  step('CompleteTaperingStep', '2025-03-03T09:00:00.000Z', 1);
  step('StartTaperingStep', '2025-03-03T09:30:00.000Z', 2);

  // Withdrawal symptoms a week later: the step is held. The same rating was entered twice.
  const symptoms = { type: 'RecordWithdrawalSymptoms', courseId, rater: 'patient', symptoms: [{ symptom: 'insomnia', severity: 2 }, { symptom: 'anxiety', severity: 2 }] };
  send({ ...symptoms, occurredAt: '2025-03-12T08:00:00.000Z' });
  const duplicate = idOf(send({ ...symptoms, occurredAt: '2025-03-12T08:05:00.000Z' }), 'entryId');
  step('HoldTaperingStep', '2025-03-12T09:00:00.000Z', 2, { reason: 'withdrawal_symptoms' });
  send({ type: 'MarkEnteredInError', occurredAt: '2025-03-13T10:00:00.000Z', courseId, entryId: duplicate, reason: 'duplicate' });
  expect(refusal({ type: 'MarkEnteredInError', occurredAt: '2025-03-13T10:05:00.000Z', courseId, entryId: duplicate, reason: 'duplicate' })).toBe('entry_already_retracted');
  step('ResumeTaperingStep', '2025-04-07T09:00:00.000Z', 2);
  step('CompleteTaperingStep', '2025-04-14T09:00:00.000Z', 2);
  step('StartTaperingStep', '2025-04-14T09:30:00.000Z', 3);

  // Two weeks into step 3 the crisis plan is activated: a relapse, linked to step 3; the step is reversed.
  send({ type: 'RecordRelapse', occurredAt: '2025-04-27T22:00:00.000Z', courseId, kind: 'crisis_plan_activated', severity: 'moderate' });
  step('ReverseTaperingStep', '2025-04-28T09:00:00.000Z', 3, { reason: 'worsening' });
  send({ type: 'RecordCrisisPlanVersion', occurredAt: '2025-05-05T13:00:00.000Z', courseId, content: 'Early signs as before; add: ask for the user-controlled bed before it escalates.', patientAgreed: true });

  // Stable again: step 3 once more, then discharge with advice to the GP.
  step('StartTaperingStep', '2025-06-02T09:00:00.000Z', 3);
  step('CompleteTaperingStep', '2025-06-30T09:00:00.000Z', 3);
  send({
    type: 'DischargePatient', occurredAt: '2025-07-01T11:00:00.000Z', courseId,
    summary: 'Olanzapine tapered from 15 to 7.5 mg over five months; one relapse, handled with the crisis plan.',
    taperingAdviceForGp: 'Continue 10% reductions every four weeks from 7.5 mg; hold on withdrawal symptoms; contact the unit on early signs.',
    followUp: 'User-controlled bed agreement for a year; outpatient follow-up at the DPS.',
  });

  // The user-controlled bed: an agreement, a stay within it, and one that ran over.
  send({ type: 'MakeBedAgreement', occurredAt: '2025-07-01T12:00:00.000Z', courseId, validFrom: '2025-07-01', validTo: '2026-06-30' });
  const stay = (requestedAt: string, nights: number, checkInAt: string, checkOutAt: string) => {
    const requestId = idOf(send({ type: 'RequestBedStay', occurredAt: requestedAt, courseId, nights }), 'requestId');
    send({ type: 'GrantBedStay', occurredAt: requestedAt, courseId, requestId });
    send({ type: 'CheckInBedStay', occurredAt: checkInAt, courseId });
    send({ type: 'CheckOutBedStay', occurredAt: checkOutAt, courseId });
  };
  stay('2025-09-10T16:00:00.000Z', 3, '2025-09-10T18:00:00.000Z', '2025-09-13T10:00:00.000Z');
  stay('2025-11-03T16:00:00.000Z', 5, '2025-11-03T18:00:00.000Z', '2025-11-10T10:00:00.000Z');

  send({ type: 'WithdrawResearchReservation', occurredAt: '2025-11-20T10:00:00.000Z', patientId });

  // The course after a year.
  const state = stateOf(courseDecider, `course-${courseId}`);
  expect(state.course).toEqual({ courseId, patientId, unitId });
  expect(state.admission.current).toBeNull();
  expect(state.admission.history).toEqual([
    expect.objectContaining({ setting: 'earmarked_bed', admittedAt: '2025-01-06T10:00:00.000Z', dischargedAt: '2025-07-01T11:00:00.000Z', readmission: false }),
  ]);

  expect(state.medication.medications.get(medicationId)).toMatchObject({ substance: 'olanzapine', dose: 7.5, baselineDose: 15, ddds: 0.75, inUse: true });

  const plan = state.tapering.plans.get(planId);
  expect(plan).toMatchObject({ status: 'active', version: 1, baselineDose: 15 });
  expect(plan?.steps.slice(0, 4).map((s) => [s.index, s.targetDose, s.status])).toEqual([
    [1, 12.5, 'completed'], [2, 10, 'completed'], [3, 7.5, 'completed'], [4, 5, 'planned'],
  ]);
  expect(plan?.steps[2]?.reversals).toBe(1);
  expect(plan?.steps[1]).toMatchObject({ startedAt: '2025-03-03T09:30:00.000Z', completedAt: '2025-04-14T09:00:00.000Z', hold: null });

  expect(state.relapse.relapses).toHaveLength(1);
  expect(state.relapse.relapses[0]).toMatchObject({
    kind: 'crisis_plan_activated',
    severity: 'moderate',
    taperingSteps: [{ planId, medicationId, stepIndex: 3, stepStatus: 'started' }],
  });

  expect(state.observation.withdrawalSymptoms).toHaveLength(2);
  expect(state.entries.get(duplicate)).toEqual({ type: 'WithdrawalSymptomsRecorded', retracted: true });
  expect(standingEntries(state.observation.withdrawalSymptoms, state.entries)).toEqual([
    expect.objectContaining({ total: 4, taperingSteps: [expect.objectContaining({ stepIndex: 2, stepStatus: 'started' })] }),
  ]);

  expect(currentPlanVersion(state, 'crisisPlan')).toMatchObject({ version: 2, patientAgreed: true, agreedAt: '2025-05-05T13:00:00.000Z' });
  expect(state.treatment.activities.map((a) => a.method)).toEqual(['istdp', 'physical_activity']);

  expect(state.bed.agreement).toMatchObject({ validFrom: '2025-07-01', validTo: '2026-06-30', maxNightsPerStay: 5 });
  expect(state.bed.openStay).toBeNull();
  expect(state.bed.stays.map((s) => [s.nights, s.overstay, s.nightsOver])).toEqual([
    [3, false, 0],
    [7, true, 2],
  ]);

  const patient = stateOf(patientDecider, `patient-${patientId}`);
  expect(effectiveResearchReservation(patient, testContext().config)).toEqual({ reserved: false, source: 'recorded', since: '2025-11-20T10:00:00.000Z' });

  // Every stored event carries its schema version, and nothing was stored outside the three streams.
  expect([...store.keys()].sort()).toEqual([`course-${courseId}`, `patient-${patientId}`, `referral-${referralId}`]);
  for (const events of store.values()) for (const event of events) expect(event.version).toBe(1);
});
