import type { CourseArea } from '../course/courseArea.js';
import { changeMedicationDoseCommand, decideChangeMedicationDose, medicationDoseChanged, type ChangeMedicationDose, type MedicationDoseChanged } from './changeMedicationDose.js';
import { applyDoseChange } from './doseChange.js';
import { stopMedicationRecord } from './medicationInUse.js';
import { decideRecordMedicationInUse, evolveMedicationRecorded, medicationRecorded, recordMedicationInUseCommand, type MedicationRecorded, type RecordMedicationInUse } from './recordMedication.js';
import {
  decideRecordSideEffectAssessment, evolveSideEffectsAssessed, recordSideEffectAssessmentCommand, sideEffectsAssessed,
  type RecordSideEffectAssessment, type SideEffectsAssessed,
} from './sideEffectAssessment.js';
import { decideStopMedication, medicationStopped, stopMedicationCommand, type MedicationStopped, type StopMedication } from './stopMedication.js';

type MedicationCommand = RecordMedicationInUse | ChangeMedicationDose | StopMedication | RecordSideEffectAssessment;
type MedicationEvent = MedicationRecorded | MedicationDoseChanged | MedicationStopped | SideEffectsAssessed;

/** Medication in use, its doses in DDDs (action point 4) and side-effect assessments (action point 5). */
export const medicationArea: CourseArea<MedicationCommand, MedicationEvent> = {
  name: 'medication',
  commands: [recordMedicationInUseCommand, changeMedicationDoseCommand, stopMedicationCommand, recordSideEffectAssessmentCommand],
  events: [medicationRecorded, medicationDoseChanged, medicationStopped, sideEffectsAssessed],
  retractable: [sideEffectsAssessed.type],
  decide(command, state, context) {
    switch (command.type) {
      case 'RecordMedicationInUse':
        return decideRecordMedicationInUse(command, state, context);
      case 'ChangeMedicationDose':
        return decideChangeMedicationDose(command, state, context);
      case 'StopMedication':
        return decideStopMedication(command, state, context);
      case 'RecordSideEffectAssessment':
        return decideRecordSideEffectAssessment(command, state, context);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'MedicationRecorded':
        return { ...state, medication: evolveMedicationRecorded(state.medication, event) };
      case 'MedicationDoseChanged':
        return { ...state, medication: applyDoseChange(state.medication, event.data) };
      case 'MedicationStopped':
        return { ...state, medication: stopMedicationRecord(state.medication, event.data.medicationId, event.data.occurredAt) };
      case 'SideEffectsAssessed':
        return { ...state, medication: evolveSideEffectsAssessed(state.medication, event) };
    }
  },
};
