import { courseIdFor, type CourseState, type DomainCommand, type PatientState, type ReferralState, type TaperingPlan } from '@medfri/domain';
import { createInMemoryEventStore, type EventStore, type RecordedEvent } from '@medfri/event-store';
import type { Unit } from '@medfri/reference-data';
import { DateTime } from 'luxon';
import { DomainCommands } from './domainCommands.js';

/** Marks every free text the workload writes, so a test can prove none reaches a read model. */
export const FREE_TEXT_MARKER = 'PRIVATE-NOTE';

export interface WorkloadOptions {
  /** Stop once at least this many events are stored. */
  events: number;
  seed: number;
  /** Simulated time of the first command. */
  start?: string;
}

export interface WorkloadResult {
  events: number;
  commands: number;
  /** Commands the deciders refused, by refusal code: the workload tries things a clinic would. */
  refused: Record<string, number>;
}

/** The events a workload stores, read back in order from a store of their own (for tests without PostgreSQL). */
export async function workloadEvents(options: WorkloadOptions): Promise<RecordedEvent[]> {
  const store = createInMemoryEventStore();
  try {
    await runDomainWorkload(store, options);
    return await store.readAll({ after: 0, maxCount: Number.MAX_SAFE_INTEGER });
  } finally {
    await store.close();
  }
}

type Choice = readonly [weight: number, command: () => DomainCommand | undefined];

/**
 * A clinic's worth of activity generated through the domain's own deciders: patients
 * are referred, assessed, admitted, get medication recorded and tapered step by step
 * (with holds, reversals and revisions), report symptoms and experiences, relapse, use
 * the user-controlled bed, have entries corrected, are discharged and readmitted.
 * Commands are chosen at random (seeded) from what each stream's state allows; whatever
 * the deciders accept is appended as the course API would append it, personal free
 * text sealed (half of it left plain, to prove read models leave it out either way).
 */
export async function runDomainWorkload(store: EventStore, options: WorkloadOptions): Promise<WorkloadResult> {
  const workload = new Workload(store, options);
  await workload.run(options.events);
  return workload.result;
}

class Workload {
  readonly result: WorkloadResult = { events: 0, commands: 0, refused: {} };
  private readonly commands: DomainCommands;
  private readonly reference;
  private readonly units: Unit[];
  private readonly medications;
  private readonly patients: { patientId: string; referralIds: string[] }[] = [];
  private now: DateTime;
  private seed: number;
  private texts = 0;

  constructor(store: EventStore, options: WorkloadOptions) {
    this.seed = options.seed;
    this.now = DateTime.fromISO(options.start ?? '2023-01-02T08:00:00.000Z', { zone: 'utc' });
    this.commands = new DomainCommands(store, {
      now: () => this.now,
      newId: () => this.id(),
      // Half sealed as the course API stores it, half left plain: read models must leave both out.
      store: (text) => (this.chance(0.5) ? { sealed: Buffer.from(text).toString('base64') } : text),
    });
    this.reference = this.commands.reference;
    this.units = [...this.reference.units.values()];
    this.medications = [...this.reference.medications.values()];
  }

  async run(events: number): Promise<void> {
    while (this.result.events < events) {
      const command = this.patients.length < 20 || this.chance(0.04) ? this.newReferral() : this.nextFor(this.pickPatient());
      if (command) await this.send(command);
      this.now = this.now.plus({ minutes: 30 + Math.floor(this.random() * 420) });
    }
  }

  // Randomness and ids, all from one seeded generator (mulberry32), so a seed replays the same workload.
  private random32(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  private random(): number {
    return this.random32() / 4294967296;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  /** Mostly one of the most recent patients, whose courses are under way; now and then an earlier one. */
  private pickPatient(): { patientId: string; referralIds: string[] } {
    return this.chance(0.8) ? this.pick(this.patients.slice(-60)) : this.pick(this.patients);
  }

  private id(): string {
    const hex = [this.random32(), this.random32(), this.random32(), this.random32()].map((n) => n.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[this.random32() % 4]}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }

  private text(): string {
    this.texts += 1;
    return `${FREE_TEXT_MARKER}-${this.texts}: how it went, in the patient's words`;
  }

  private maybeNote(): { note?: string } {
    return this.chance(0.3) ? { note: this.text() } : {};
  }

  private today(daysAgo = 0): string {
    return this.now.setZone('Europe/Oslo').minus({ days: daysAgo }).toISODate() as string;
  }

  private choose(choices: readonly Choice[]): DomainCommand | undefined {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let point = this.random() * total;
    for (const [weight, command] of choices) {
      point -= weight;
      if (point < 0) return command();
    }
    return undefined;
  }

  private state<S>(name: string): S | undefined {
    return this.commands.state<S>(name);
  }

  private newReferral(patient?: { patientId: string; referralIds: string[] }, unitId?: string): DomainCommand {
    const who = patient ?? { patientId: this.id(), referralIds: [] };
    if (!patient) this.patients.push(who);
    // Few units offer a user-controlled bed; they get a larger share so its flows are exercised.
    const withBed = this.units.filter((candidate) => candidate.userControlledBed);
    const unit = unitId ? (this.reference.units.get(unitId) as Unit) : this.pick(withBed.length > 0 && this.chance(0.25) ? withBed : this.units);
    const referralId = this.id();
    who.referralIds.push(referralId);
    const sources = this.chance(0.85) ? unit.acceptedReferralSources : [...this.reference.referralSources.keys()];
    return {
      type: 'RegisterReferral', referralId, patientId: who.patientId, unitId: unit.id, source: this.pick(sources),
      diagnosisGroup: this.pick(unit.prioritizedGroups.length > 0 ? unit.prioritizedGroups : [...this.reference.diagnosisGroups.keys()]),
      patientStatementAttached: this.chance(0.8), legalStatus: this.chance(0.92) ? 'voluntary' : 'involuntary_tph',
    };
  }

  private nextFor(patient: { patientId: string; referralIds: string[] }): DomainCommand | undefined {
    const referralId = patient.referralIds.at(-1) as string;
    const referral = this.state<ReferralState>(`referral-${referralId}`)?.referral;
    if (!referral) return undefined;
    const courseId = courseIdFor(patient.patientId, referral.unitId);
    const course = this.state<CourseState>(`course-${courseId}`);
    if (this.chance(0.03)) return this.research(patient.patientId);
    if (course?.admission.current) return this.courseCommand(courseId, course);
    switch (referral.status) {
      case 'received':
        return this.assess(referralId, referral.sourceAccepted, referral.unitId);
      case 'waitlisted':
        return this.choose([
          [7, () => ({ type: 'OfferPlaceFromWaitlist', referralId })],
          [1, () => ({ type: 'WithdrawReferral', referralId, ...(this.chance(0.5) ? { reason: this.text() } : {}) })],
          [1, () => ({ type: 'RecordOfferDeclined', referralId, ...this.maybeNote() })],
        ]);
      case 'accepted':
        if (course?.course && !this.chance(0.15)) return this.courseCommand(courseId, course);
        return this.choose([
          [9, () => this.admit(patient.patientId, referral.unitId, referralId)],
          [1, () => ({ type: 'RecordOfferDeclined', referralId, ...this.maybeNote() })],
        ]);
      default:
        return this.chance(0.3) ? this.newReferral(patient, this.chance(0.5) ? referral.unitId : undefined) : undefined;
    }
  }

  private research(patientId: string): DomainCommand {
    const reserved = this.state<PatientState>(`patient-${patientId}`)?.researchReservation?.reserved ?? false;
    return { type: reserved ? 'WithdrawResearchReservation' : 'ReserveAgainstResearch', patientId };
  }

  private assess(referralId: string, sourceAccepted: boolean, unitId: string): DomainCommand {
    if (!sourceAccepted) return { type: 'AssessIntake', referralId, outcome: 'rejected', reasons: ['referral_source_not_accepted'] };
    if (this.chance(0.75)) return { type: 'AssessIntake', referralId, outcome: 'accepted', waitlisted: this.chance(0.3), ...this.maybeNote() };
    const exclusions = (this.reference.units.get(unitId) as Unit).exclusionReasons;
    const reasons = [...new Set([this.pick(exclusions.length > 0 ? exclusions : ['unsuitable_other']), this.pick([...this.reference.rejectionReasons.keys()])])];
    return { type: 'AssessIntake', referralId, outcome: 'rejected', reasons, ...this.maybeNote() };
  }

  private admit(patientId: string, unitId: string, referralId?: string): DomainCommand {
    const unit = this.reference.units.get(unitId) as Unit;
    const settings = [
      ...(unit.earmarkedBeds > 0 ? ['earmarked_bed', 'earmarked_bed', 'earmarked_bed'] : []),
      ...(unit.dayPlaces > 0 ? ['day_place'] : []),
      'outpatient',
    ];
    return {
      type: 'AdmitPatient', patientId, unitId, setting: this.pick(settings),
      legalStatus: this.chance(0.95) ? 'voluntary' : 'involuntary_lifted_before_transfer', ...(referralId ? { referralId } : {}),
    };
  }

  private courseCommand(courseId: string, state: CourseState): DomainCommand | undefined {
    const unit = this.reference.units.get(state.course?.unitId ?? '') as Unit;
    const admitted = state.admission.current !== null;
    const medications = state.medication.medications.values().filter((medication) => medication.inUse && medication.dose > 0);
    const openPlans = state.tapering.plans.values().filter((plan) => plan.status === 'active' || plan.status === 'paused');
    const untapered = medications.filter((medication) => !openPlans.some((plan) => plan.medicationId === medication.medicationId));
    const standing = state.entries.standing();
    const bed = state.bed;
    const pending = bed.requests.values().find((request) => request.status === 'pending');
    const course = { courseId };
    return this.choose([
      [admitted && medications.length < 2 ? 3 : 0, () => this.recordMedication(courseId)],
      [admitted && untapered.length > 0 ? 1 : 0, () => {
        const medication = this.pick(untapered);
        const dose = Math.max(0.5, Math.round(medication.dose * (this.chance(0.5) ? 0.75 : 1.25) * 2) / 2);
        return { type: 'ChangeMedicationDose', ...course, medicationId: medication.medicationId, dose, justificationAboveDdd: this.text() };
      }],
      [admitted && untapered.length > 0 ? 0.3 : 0, () => ({ type: 'StopMedication', ...course, medicationId: this.pick(untapered).medicationId })],
      [medications.length > 0 ? 2 : 0, () => ({
        type: 'RecordSideEffectAssessment', ...course, medicationId: this.pick(medications).medicationId, method: this.pick(['uku', 'gass', 'clinical']),
        findings: this.chance(0.6) ? [{ effect: this.pick(['sedation', 'weight_gain', 'tremor', 'restlessness']), severity: Math.floor(this.random() * 4) }] : [],
        ...this.maybeNote(),
      })],
      [admitted && untapered.length > 0 ? 3 : 0, () => ({
        type: 'CreateTaperingPlan', ...course, medicationId: this.pick(untapered).medicationId, agreedWithPatient: this.chance(0.9),
        schedule: this.chance(0.5)
          ? { kind: 'linear', startDate: this.today(), intervalDays: 14, steps: 2 + Math.floor(this.random() * 4) }
          : { kind: 'hyperbolic', startDate: this.today(), intervalDays: 14, percent: 25 },
        ...this.maybeNote(),
      })],
      [openPlans.length > 0 ? 10 : 0, () => this.taperingCommand(courseId, this.pick(openPlans))],
      [2, () => ({
        type: 'RecordWithdrawalSymptoms', ...course, rater: this.pick(['patient', 'clinician']),
        symptoms: [{ symptom: 'insomnia', severity: Math.floor(this.random() * 4) }, { symptom: 'anxiety', severity: Math.floor(this.random() * 4) }],
        ...this.maybeNote(),
      })],
      [2, () => ({ type: 'RecordPatientExperience', ...course, mood: Math.floor(this.random() * 11), ...(this.chance(0.5) ? { text: this.text() } : {}) })],
      [0.6, () => ({
        type: 'RecordRelapse', ...course, kind: this.pick(['dose_increase', 'crisis_plan_activated', 'other', 'medication_restarted']),
        severity: this.pick(['mild', 'moderate', 'severe']), note: this.text(),
      })],
      [admitted ? 3 : 0, () => ({
        type: 'RecordTreatmentActivity', ...course, method: this.pick([...this.reference.treatmentMethods]), format: this.pick(['individual', 'group']),
        date: this.today(1), durationMinutes: 30 + 15 * Math.floor(this.random() * 6), ...this.maybeNote(),
      })],
      [0.3, () => ({ type: 'RecordIndividualPlan', ...course, exists: this.chance(0.6) })],
      [0.4, () => ({ type: this.chance(0.5) ? 'RecordCrisisPlanVersion' : 'RecordCopingPlanVersion', ...course, content: this.text(), patientAgreed: this.chance(0.8) })],
      [unit.userControlledBed && (!bed.agreement || bed.agreement.endedAt !== null || bed.agreement.validTo < this.today()) ? 1 : 0, () => ({
        type: 'MakeBedAgreement', ...course, validFrom: this.today(), validTo: this.now.setZone('Europe/Oslo').plus({ days: 120 }).toISODate() as string,
        ...this.maybeNote(),
      })],
      [bed.agreement && !bed.agreement.endedAt && !pending && !bed.openStay ? 4 : 0, () => ({
        type: 'RequestBedStay', ...course, nights: 1 + Math.floor(this.random() * 5), ...this.maybeNote(),
      })],
      [pending ? 3 : 0, () => (this.chance(0.8)
        ? { type: 'GrantBedStay', ...course, requestId: pending?.requestId }
        : { type: 'DenyBedStay', ...course, requestId: pending?.requestId, reason: this.pick(['no_bed_free', 'outside_agreement_limits']) })],
      [bed.requests.values().some((request) => request.status === 'granted') && !bed.openStay ? 3 : 0, () => ({ type: 'CheckInBedStay', ...course })],
      [bed.openStay ? 3 : 0, () => ({ type: 'CheckOutBedStay', ...course })],
      [bed.agreement && !bed.agreement.endedAt ? 0.2 : 0, () => ({
        type: 'RenewBedAgreement', ...course, agreementId: bed.agreement?.agreementId,
        validTo: DateTime.fromISO(bed.agreement?.validTo as string).plus({ days: 90 }).toISODate() as string,
      })],
      [bed.agreement && !bed.agreement.endedAt ? 0.1 : 0, () => ({ type: 'EndBedAgreement', ...course, agreementId: bed.agreement?.agreementId })],
      [standing.length > 0 ? 0.6 : 0, () => ({
        type: 'MarkEnteredInError', ...course, entryId: this.pick(standing), reason: this.pick(['wrong_time', 'wrong_value', 'duplicate', 'other']), note: this.text(),
      })],
      [admitted ? 0.8 : 0, () => ({
        type: 'DischargePatient', ...course, summary: this.text(), ...(this.chance(0.5) ? { taperingAdviceForGp: this.text() } : {}),
      })],
      [admitted ? 0 : 1, () => this.admit(state.course?.patientId as string, unit.id)],
    ]);
  }

  private recordMedication(courseId: string): DomainCommand {
    const medication = this.pick(this.medications.filter((candidate) => candidate.unit === 'mg'));
    const strength = Math.max(0.5, Math.round((medication.ddd / 4) * 2) / 2);
    const dose = strength * (1 + Math.floor(this.random() * 6));
    return {
      type: 'RecordMedicationInUse', courseId, atc: medication.atc, dose, unit: medication.unit,
      frequency: { kind: 'daily', timesPerDay: 1 }, formulation: 'tablet', rounding: { strengths: [strength, strength * 2] },
      ...(dose > medication.ddd ? { justificationAboveDdd: this.text() } : {}),
    };
  }

  private taperingCommand(courseId: string, plan: TaperingPlan): DomainCommand | undefined {
    const base = { courseId, planId: plan.planId };
    if (plan.status === 'paused') return { type: 'ResumeTaperingPlan', ...base, ...this.maybeNote() };
    const inProgress = plan.steps.find((step) => step.status === 'started' || step.status === 'held');
    const next = plan.steps.find((step) => step.status === 'planned' || step.status === 'reversed');
    if (inProgress?.status === 'held') {
      return this.choose([
        [6, () => ({ type: 'ResumeTaperingStep', ...base, stepIndex: inProgress.index, ...this.maybeNote() })],
        [2, () => ({ type: 'ReverseTaperingStep', ...base, stepIndex: inProgress.index, reason: this.pick(['withdrawal_symptoms', 'worsening']), ...this.maybeNote() })],
      ]);
    }
    if (inProgress) {
      return this.choose([
        [12, () => ({ type: 'CompleteTaperingStep', ...base, stepIndex: inProgress.index })],
        [2, () => ({ type: 'HoldTaperingStep', ...base, stepIndex: inProgress.index, reason: this.pick(['withdrawal_symptoms', 'life_event', 'patient_wish']), ...this.maybeNote() })],
        [1, () => ({ type: 'ReverseTaperingStep', ...base, stepIndex: inProgress.index, reason: this.pick(['worsening', 'patient_wish']), ...this.maybeNote() })],
        [0.3, () => ({ type: 'EndTaperingPlanAtDose', ...base, ...this.maybeNote() })],
      ]);
    }
    if (!next) return { type: 'CompleteTaperingPlan', ...base, ...this.maybeNote() };
    return this.choose([
      [12, () => ({ type: 'StartTaperingStep', ...base, stepIndex: next.index })],
      [0.5, () => ({ type: 'PauseTaperingPlan', ...base, ...this.maybeNote() })],
      [0.5, () => ({
        type: 'ReviseTaperingPlan', ...base, fromStepIndex: next.index, agreedWithPatient: true,
        schedule: { kind: 'linear', startDate: this.today(), intervalDays: 21, steps: 2 }, ...this.maybeNote(),
      })],
    ]);
  }

  private async send(command: DomainCommand): Promise<void> {
    this.result.commands += 1;
    const actor = { id: 'workload', role: command.type === 'RecordPatientExperience' ? 'patient' : 'clinician' } as const;
    const outcome = await this.commands.send(command, actor);
    if (outcome.ok) this.result.events += outcome.events;
    else this.result.refused[outcome.code] = (this.result.refused[outcome.code] ?? 0) + 1;
  }
}
