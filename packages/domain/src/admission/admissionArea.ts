import type { CourseArea } from '../course/courseArea.js';
import { admitPatientCommand, decideAdmitPatient, evolveAdmitted, patientAdmitted, type AdmitPatient, type PatientAdmitted } from './admission.js';
import { decideDischargePatient, dischargePatientCommand, evolveDischarged, patientDischarged, type DischargePatient, type PatientDischarged } from './discharge.js';

/** Admissions, readmissions and discharges. `CourseStarted`, emitted here, is evolved by the course composition. */
export const admissionArea: CourseArea<AdmitPatient | DischargePatient, PatientAdmitted | PatientDischarged> = {
  name: 'admission',
  commands: [admitPatientCommand, dischargePatientCommand],
  events: [patientAdmitted, patientDischarged],
  retractable: [],
  decide(command, state, context) {
    switch (command.type) {
      case 'AdmitPatient':
        return decideAdmitPatient(command, state, context);
      case 'DischargePatient':
        return decideDischargePatient(command, state, context);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PatientAdmitted':
        return { ...state, admission: evolveAdmitted(state.admission, event) };
      case 'PatientDischarged':
        return { ...state, admission: evolveDischarged(state.admission, event) };
    }
  },
};
