// Kernel: the decider contract, domain errors as values, event definitions, primitives.
export * from './kernel/domainError.js';
export * from './kernel/decision.js';
export * from './kernel/decider.js';
export * from './kernel/decisionContext.js';
export * from './kernel/domainConfig.js';
export * from './kernel/eventDefinition.js';
export * from './kernel/primitives.js';
export * from './kernel/clinicalTime.js';
export * from './kernel/defineCommand.js';

// The catalog: every command with its stream, every event definition, stream names.
export * from './catalog/streamName.js';
export * from './catalog/domainStreams.js';
export * from './catalog/commandCatalog.js';
export * from './catalog/decideOnStream.js';
export * from './catalog/domainEvents.js';

// Referral stream.
export { referralDecider, referralEvents, referralCommandSchema, type ReferralCommand, type ReferralEvent } from './referral/referralDecider.js';
export * from './referral/referralState.js';
export { referralReceived, type ReferralReceived } from './referral/registerReferral.js';
export { intakeAccepted, intakeRejected, type IntakeAccepted, type IntakeRejected } from './referral/assessIntake.js';
export { waitlistPlaceOffered, type WaitlistPlaceOffered } from './referral/waitlistPlaceOffered.js';
export { offerDeclinedByPatient, type OfferDeclinedByPatient } from './referral/offerDeclined.js';
export { referralWithdrawn, type ReferralWithdrawn } from './referral/withdrawReferral.js';

// Course stream: the composition and its state.
export { courseDecider, courseEvents, courseCommandSchema, courseAreas, type CourseCommand, type CourseEvent } from './course/courseDecider.js';
export { courseIdFor } from './course/courseId.js';
export { courseStarted, type CourseStarted } from './course/courseStarted.js';
export * from './course/courseState.js';
export type { CourseArea } from './course/courseArea.js';
export * from './admission/admissionState.js';
export { legalStatus, type LegalStatus } from './admission/legalStatus.js';
export { patientAdmitted, type PatientAdmitted } from './admission/admission.js';
export { patientDischarged, type PatientDischarged } from './admission/discharge.js';
export * from './treatment/treatmentState.js';
export { treatmentActivityRecorded, type TreatmentActivityRecorded } from './treatment/treatmentActivity.js';
export { individualPlanRecorded, currentIndividualPlan, type IndividualPlanRecorded } from './treatment/individualPlan.js';
export { crisisPlan, copingPlan, currentPlanVersion, type CrisisPlanVersionRecorded, type CopingPlanVersionRecorded } from './treatment/versionedPlan.js';
export { entryMarkedEnteredInError, type EntryMarkedEnteredInError } from './correction/markEnteredInError.js';
export { correctionReason, type CorrectionReason } from './correction/correctionReason.js';
export { standingEntries } from './correction/standingEntries.js';
export { CourseEntries, type EntryRecord } from './correction/courseEntries.js';
export { RecordsById } from './kernel/recordsById.js';
export * from './medication/medicationState.js';
export * from './tapering/taperingState.js';
export * from './observation/observationState.js';
export * from './relapse/relapseState.js';
export * from './userControlledBed/bedState.js';

// Tapering schedules and DDD arithmetic.
export { generateSchedule, plannedStepSchema, type PlannedStep, type Schedule } from './tapering/scheduleGenerator.js';
export { dailyDose, calculateDdds, refuseUnjustifiedDoseAboveDdd, type Prescription, type DddCalculation } from './medication/definedDailyDose.js';
export * from './tapering/scheduleParameters.js';
export { sideEffectMonitoringStatus, isMonitoringOverdue, type SideEffectMonitoringStatus } from './medication/sideEffectMonitoring.js';
export { currentTaperingSteps, taperingStepLinkSchema, type TaperingStepLink } from './tapering/taperingStepLink.js';

// Patient stream.
export { patientDecider, patientEvents, patientCommandSchema, type PatientCommand, type PatientEvent } from './patient/patientDecider.js';
export * from './patient/patientState.js';
export { researchReservationMade, researchReservationWithdrawn, type ResearchReservationMade, type ResearchReservationWithdrawn } from './patient/researchReservation.js';
