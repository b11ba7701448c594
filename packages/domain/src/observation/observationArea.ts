import type { CourseArea } from '../course/courseArea.js';
import {
  decideRecordPatientExperience, evolvePatientExperienceRecorded, patientExperienceRecorded, recordPatientExperienceCommand,
  type PatientExperienceRecorded, type RecordPatientExperience,
} from './patientExperience.js';
import {
  decideRecordWithdrawalSymptoms, evolveWithdrawalSymptomsRecorded, recordWithdrawalSymptomsCommand, withdrawalSymptomsRecorded,
  type RecordWithdrawalSymptoms, type WithdrawalSymptomsRecorded,
} from './withdrawalSymptoms.js';

/**
 * Withdrawal symptoms and the patient's own experience, each linked to the tapering step
 * current at the time. Side effects are assessed per medication in the medication area
 * (one concept, recorded once).
 */
export const observationArea: CourseArea<RecordWithdrawalSymptoms | RecordPatientExperience, WithdrawalSymptomsRecorded | PatientExperienceRecorded> = {
  name: 'observation',
  commands: [recordWithdrawalSymptomsCommand, recordPatientExperienceCommand],
  events: [withdrawalSymptomsRecorded, patientExperienceRecorded],
  retractable: [withdrawalSymptomsRecorded.type, patientExperienceRecorded.type],
  decide(command, state, context) {
    switch (command.type) {
      case 'RecordWithdrawalSymptoms':
        return decideRecordWithdrawalSymptoms(command, state, context);
      case 'RecordPatientExperience':
        return decideRecordPatientExperience(command, state, context);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'WithdrawalSymptomsRecorded':
        return { ...state, observation: evolveWithdrawalSymptomsRecorded(state.observation, event) };
      case 'PatientExperienceRecorded':
        return { ...state, observation: evolvePatientExperienceRecorded(state.observation, event) };
    }
  },
};
