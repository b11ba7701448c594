import type { CourseState, Referral } from '@medfri/domain';
import { DateTime } from 'luxon';
import type { DomainRecord } from '../domain/domainRecord.js';
import { amount, label, labelList, type Bilingual } from './labels.js';

/** What a summary may draw on besides the event: the stream's state after it, and reference names. */
export interface SummaryContext {
  course: CourseState | undefined;
  referral: Referral | null | undefined;
  unitName(unitId: string): string;
}

interface DoseChange { medicationId: string; previousDose: number; dose: number }

/**
 * The fields each summary reads, as the domain's schemas have validated them. Personal
 * free text is never among them: a summary is built from codes, numbers and dates only.
 */
interface Fields {
  ReferralReceived: { unitId: string; source: string; sourceAccepted: boolean };
  IntakeAccepted: { waitlisted: boolean };
  IntakeRejected: { reasons: string[] };
  WaitlistPlaceOffered: object;
  OfferDeclinedByPatient: object;
  ReferralWithdrawn: object;
  CourseStarted: { unitId: string };
  PatientAdmitted: { setting: string; legalStatus: string; readmission: boolean };
  PatientDischarged: object;
  TreatmentActivityRecorded: { method: string; format: string; date: string; durationMinutes: number };
  IndividualPlanRecorded: { exists: boolean };
  CrisisPlanVersionRecorded: { version: number; patientAgreed: boolean };
  CopingPlanVersionRecorded: { version: number; patientAgreed: boolean };
  MedicationRecorded: { substance: string; dose: number; unit: string; dailyDose: number; ddds: number };
  MedicationDoseChanged: { medicationId: string; previousDose: number; dose: number; dailyDose: number; ddds: number };
  MedicationStopped: { medicationId: string };
  SideEffectsAssessed: { medicationId: string; method: string; findings: unknown[] };
  TaperingPlanCreated: { medicationId: string; baselineDose: number; steps: unknown[] };
  TaperingPlanRevised: { medicationId: string; version: number; fromStepIndex: number };
  TaperingStepStarted: { planId: string; stepIndex: number; doseChange: DoseChange };
  TaperingStepCompleted: { planId: string; stepIndex: number; heldDays: number };
  TaperingStepHeld: { planId: string; stepIndex: number; reason: string };
  TaperingStepResumed: { planId: string; stepIndex: number };
  TaperingStepReversed: { planId: string; stepIndex: number; reason: string; doseChange: DoseChange };
  TaperingPlanPaused: { planId: string };
  TaperingPlanResumed: { planId: string };
  TaperingPlanCompleted: { medicationId: string };
  TaperingPlanEndedAtDose: { medicationId: string; keptDose: number };
  WithdrawalSymptomsRecorded: { rater: string; total: number };
  PatientExperienceRecorded: { mood: number };
  RelapseRecorded: { kind: string; severity: string };
  BedAgreementMade: { validFrom: string; validTo: string; maxNightsPerStay: number };
  BedAgreementRenewed: { validTo: string; maxNightsPerStay: number };
  BedAgreementEnded: object;
  BedStayRequested: { nights: number };
  BedStayGranted: { nights: number };
  BedStayDenied: { reason: string };
  BedStayCheckedIn: { maxNightsPerStay: number };
  BedStayCheckedOut: { nights: number; nightsOver: number; reason: string };
  EntryMarkedEnteredInError: { reason: string };
  ResearchReservationMade: object;
  ResearchReservationWithdrawn: object;
}

type Describe<T> = (data: T, context: SummaryContext) => Bilingual;

const both = (nb: string, en: string): Bilingual => ({ nb, en });

/**
 * Calendar days as written, by day: luxon's parsing and formatting cost more than the
 * rest of a summary, and a few thousand days cover decades of agreements.
 */
const days = new Map<string, Bilingual>();

function date(iso: string): Bilingual {
  let written = days.get(iso);
  if (!written) {
    const day = DateTime.fromISO(iso, { zone: 'Europe/Oslo' });
    written = { nb: day.setLocale('nb').toLocaleString(DateTime.DATE_MED), en: day.setLocale('en-GB').toLocaleString(DateTime.DATE_MED) };
    days.set(iso, written);
  }
  return written;
}

/** The medication's substance, from the course state, for events that only name its id. */
function substance(context: SummaryContext, medicationId: string): string {
  return context.course?.medication.medications.get(medicationId)?.substance ?? '';
}

function medicationOfPlan(context: SummaryContext, planId: string): { substance: string; unit: string } {
  const medicationId = context.course?.tapering.plans.get(planId)?.medicationId ?? '';
  const medication = context.course?.medication.medications.get(medicationId);
  return { substance: medication?.substance ?? '', unit: medication?.unit ?? '' };
}

/**
 * Summaries say in words what symbols would say (`fra 100 til 75 mg`, not `100 → 75 mg`):
 * screen readers read an arrow or a dash out as its name. Text in Latin-1 also keeps the
 * COPY text of timeline rows in V8's one-byte strings: one arrow made a whole chunk of
 * it two-byte, twice the memory and a tenth slower to encode (a microbenchmark of rows).
 */
function doseStep(from: number, to: number, unit: string): Bilingual {
  const a = amount(from);
  const b = amount(to);
  return { nb: `fra ${a.nb} til ${b.nb} ${unit}`, en: `from ${a.en} to ${b.en} ${unit}` };
}

const describers: { [T in keyof Fields]: Describe<Fields[T]> } = {
  ReferralReceived: (data, context) => {
    const source = label('referralSource', data.source);
    const unit = context.unitName(data.unitId);
    const flag = data.sourceAccepted ? both('', '') : both(' (enheten tar ikke imot henvisninger herfra)', ' (the unit does not accept this source)');
    return both(`Henvisning fra ${source.nb} mottatt ved ${unit}${flag.nb}`, `Referral from ${source.en} received at ${unit}${flag.en}`);
  },
  IntakeAccepted: (data) => (data.waitlisted
    ? both('Inntak godkjent, satt på venteliste', 'Intake accepted, put on the waiting list')
    : both('Inntak godkjent', 'Intake accepted')),
  IntakeRejected: (data) => {
    const reasons = labelList('rejectionReason', data.reasons);
    return both(`Henvisningen ble avslått: ${reasons.nb}`, `The referral was rejected: ${reasons.en}`);
  },
  WaitlistPlaceOffered: () => both('Plass tilbudt fra ventelisten', 'Place offered from the waiting list'),
  OfferDeclinedByPatient: () => both('Pasienten takket nei til tilbudet', 'The patient declined the offer'),
  ReferralWithdrawn: () => both('Henvisningen ble trukket tilbake', 'The referral was withdrawn'),
  CourseStarted: (data, context) => {
    const unit = context.unitName(data.unitId);
    return both(`Behandlingsforløp startet ved ${unit}`, `Treatment course started at ${unit}`);
  },
  PatientAdmitted: (data) => {
    const setting = label('setting', data.setting);
    const lifted = data.legalStatus === 'voluntary' ? both('', '') : both(`, ${label('legalStatus', data.legalStatus).nb}`, `, ${label('legalStatus', data.legalStatus).en}`);
    return data.readmission
      ? both(`Innlagt på nytt (${setting.nb}${lifted.nb})`, `Readmitted (${setting.en}${lifted.en})`)
      : both(`Innlagt (${setting.nb}${lifted.nb})`, `Admitted (${setting.en}${lifted.en})`);
  },
  PatientDischarged: () => both('Utskrevet', 'Discharged'),
  TreatmentActivityRecorded: (data) => {
    const method = label('treatmentMethod', data.method);
    const format = label('format', data.format);
    return both(`Behandling: ${method.nb}, ${format.nb}, ${data.durationMinutes} min`, `Treatment: ${method.en}, ${format.en}, ${data.durationMinutes} min`);
  },
  IndividualPlanRecorded: (data) => (data.exists
    ? both('Individuell plan registrert', 'Individual plan recorded')
    : both('Registrert at det ikke finnes individuell plan', 'Recorded that there is no individual plan')),
  CrisisPlanVersionRecorded: (data) => (data.patientAgreed
    ? both(`Kriseplan, versjon ${data.version}, avtalt med pasienten`, `Crisis plan, version ${data.version}, agreed with the patient`)
    : both(`Kriseplan, versjon ${data.version}`, `Crisis plan, version ${data.version}`)),
  CopingPlanVersionRecorded: (data) => (data.patientAgreed
    ? both(`Mestringsplan, versjon ${data.version}, avtalt med pasienten`, `Coping plan, version ${data.version}, agreed with the patient`)
    : both(`Mestringsplan, versjon ${data.version}`, `Coping plan, version ${data.version}`)),
  MedicationRecorded: (data) => {
    const daily = amount(data.dailyDose);
    const ddds = amount(data.ddds);
    return both(
      `Legemiddel registrert: ${data.substance}, ${daily.nb} ${data.unit} per døgn (${ddds.nb} DDD)`,
      `Medication recorded: ${data.substance}, ${daily.en} ${data.unit} a day (${ddds.en} DDD)`);
  },
  MedicationDoseChanged: (data, context) => {
    const medication = context.course?.medication.medications.get(data.medicationId);
    const change = doseStep(data.previousDose, data.dose, medication?.unit ?? '');
    return both(`Dose endret: ${medication?.substance ?? ''} ${change.nb}`, `Dose changed: ${medication?.substance ?? ''} ${change.en}`);
  },
  MedicationStopped: (data, context) => {
    const name = substance(context, data.medicationId);
    return both(`Legemiddel avsluttet: ${name}`, `Medication stopped: ${name}`);
  },
  SideEffectsAssessed: (data, context) => {
    const name = substance(context, data.medicationId);
    const method = label('assessmentMethod', data.method);
    return both(
      `Bivirkninger vurdert (${method.nb}) for ${name}: ${data.findings.length} funn`,
      `Side effects assessed (${method.en}) for ${name}: ${data.findings.length} finding${data.findings.length === 1 ? '' : 's'}`);
  },
  TaperingPlanCreated: (data, context) => {
    const medication = context.course?.medication.medications.get(data.medicationId);
    const from = amount(data.baselineDose);
    return both(
      `Nedtrappingsplan for ${medication?.substance ?? ''}: ${data.steps.length} trinn fra ${from.nb} ${medication?.unit ?? ''}`,
      `Tapering plan for ${medication?.substance ?? ''}: ${data.steps.length} steps from ${from.en} ${medication?.unit ?? ''}`);
  },
  TaperingPlanRevised: (data, context) => {
    const name = substance(context, data.medicationId);
    return both(
      `Nedtrappingsplan for ${name} revidert (versjon ${data.version}) fra trinn ${data.fromStepIndex}`,
      `Tapering plan for ${name} revised (version ${data.version}) from step ${data.fromStepIndex}`);
  },
  TaperingStepStarted: (data, context) => {
    const { substance: name, unit } = medicationOfPlan(context, data.planId);
    const change = doseStep(data.doseChange.previousDose, data.doseChange.dose, unit);
    return both(`Trinn ${data.stepIndex} startet: ${name} ${change.nb}`, `Step ${data.stepIndex} started: ${name} ${change.en}`);
  },
  TaperingStepCompleted: (data) => both(
    `Trinn ${data.stepIndex} fullført etter ${data.heldDays} dager`, `Step ${data.stepIndex} completed after ${data.heldDays} days`),
  TaperingStepHeld: (data) => {
    const reason = label('holdReason', data.reason);
    return both(`Trinn ${data.stepIndex} holdes: ${reason.nb}`, `Step ${data.stepIndex} held: ${reason.en}`);
  },
  TaperingStepResumed: (data) => both(`Trinn ${data.stepIndex} fortsetter`, `Step ${data.stepIndex} resumed`),
  TaperingStepReversed: (data, context) => {
    const { substance: name, unit } = medicationOfPlan(context, data.planId);
    const change = doseStep(data.doseChange.previousDose, data.doseChange.dose, unit);
    const reason = label('holdReason', data.reason);
    return both(
      `Trinn ${data.stepIndex} reversert: ${name} ${change.nb} (${reason.nb})`,
      `Step ${data.stepIndex} reversed: ${name} ${change.en} (${reason.en})`);
  },
  TaperingPlanPaused: (data, context) => {
    const { substance: name } = medicationOfPlan(context, data.planId);
    return both(`Nedtrapping av ${name} satt på pause`, `Tapering of ${name} paused`);
  },
  TaperingPlanResumed: (data, context) => {
    const { substance: name } = medicationOfPlan(context, data.planId);
    return both(`Nedtrapping av ${name} fortsetter`, `Tapering of ${name} resumed`);
  },
  TaperingPlanCompleted: (data, context) => {
    const name = substance(context, data.medicationId);
    return both(`Nedtrapping av ${name} fullført`, `Tapering of ${name} completed`);
  },
  TaperingPlanEndedAtDose: (data, context) => {
    const medication = context.course?.medication.medications.get(data.medicationId);
    const kept = amount(data.keptDose);
    return both(
      `Nedtrapping av ${medication?.substance ?? ''} avsluttet på ${kept.nb} ${medication?.unit ?? ''}`,
      `Tapering of ${medication?.substance ?? ''} ended at ${kept.en} ${medication?.unit ?? ''}`);
  },
  WithdrawalSymptomsRecorded: (data) => {
    const rater = label('rater', data.rater);
    return both(`Abstinenssymptomer registrert av ${rater.nb}: sum ${data.total}`, `Withdrawal symptoms recorded by ${rater.en}: total ${data.total}`);
  },
  PatientExperienceRecorded: (data) => both(`Egen opplevelse registrert: humør ${data.mood} av 10`, `Own experience recorded: mood ${data.mood} of 10`),
  RelapseRecorded: (data) => {
    const kind = label('relapseKind', data.kind);
    const severity = label('severity', data.severity);
    return both(`Tilbakefall (${severity.nb}): ${kind.nb}`, `Relapse (${severity.en}): ${kind.en}`);
  },
  BedAgreementMade: (data) => {
    const from = date(data.validFrom);
    const to = date(data.validTo);
    return both(
      `Avtale om brukerstyrt seng fra ${from.nb} til ${to.nb}, inntil ${data.maxNightsPerStay} netter per opphold`,
      `User-controlled bed agreement from ${from.en} to ${to.en}, up to ${data.maxNightsPerStay} nights a stay`);
  },
  BedAgreementRenewed: (data) => {
    const to = date(data.validTo);
    return both(
      `Avtale om brukerstyrt seng fornyet til ${to.nb}, inntil ${data.maxNightsPerStay} netter per opphold`,
      `User-controlled bed agreement renewed until ${to.en}, up to ${data.maxNightsPerStay} nights a stay`);
  },
  BedAgreementEnded: () => both('Avtale om brukerstyrt seng avsluttet', 'User-controlled bed agreement ended'),
  BedStayRequested: (data) => both(`Brukerstyrt innleggelse ønsket: ${data.nights} netter`, `User-controlled stay requested: ${data.nights} nights`),
  BedStayGranted: (data) => both(`Brukerstyrt innleggelse innvilget: ${data.nights} netter`, `User-controlled stay granted: ${data.nights} nights`),
  BedStayDenied: (data) => {
    const reason = label('bedDenialReason', data.reason);
    return both(`Brukerstyrt innleggelse avslått: ${reason.nb}`, `User-controlled stay denied: ${reason.en}`);
  },
  BedStayCheckedIn: (data) => both(
    `Sjekket inn på brukerstyrt seng (inntil ${data.maxNightsPerStay} netter)`, `Checked in to the user-controlled bed (up to ${data.maxNightsPerStay} nights)`),
  BedStayCheckedOut: (data) => {
    const reason = label('checkOutReason', data.reason);
    const over = data.nightsOver > 0 ? both(`, ${data.nightsOver} netter over avtalen`, `, ${data.nightsOver} nights over the agreement`) : both('', '');
    return both(
      `Sjekket ut av brukerstyrt seng etter ${data.nights} netter (${reason.nb}${over.nb})`,
      `Checked out of the user-controlled bed after ${data.nights} nights (${reason.en}${over.en})`);
  },
  EntryMarkedEnteredInError: (data) => {
    const reason = label('correctionReason', data.reason);
    return both(`En registrering ble markert som feil: ${reason.nb}`, `An entry was marked as entered in error: ${reason.en}`);
  },
  ResearchReservationMade: () => both('Reservert mot at opplysningene brukes i forskning', 'Reserved against research use of the data'),
  ResearchReservationWithdrawn: () => both('Reservasjonen mot forskning er trukket', 'The reservation against research use was withdrawn'),
};

/** A short readable summary in bokmål and English, from structured fields only. */
export function summarize(record: DomainRecord, context: SummaryContext): Bilingual {
  const describe = describers[record.type as keyof Fields] as Describe<unknown> | undefined;
  return describe ? describe(record.data, context) : both(`Hendelse: ${record.type}`, `Event: ${record.type}`);
}
