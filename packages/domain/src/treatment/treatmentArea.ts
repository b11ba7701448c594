import type { CourseArea } from '../course/courseArea.js';
import {
  decideRecordIndividualPlan, evolveIndividualPlanRecorded, individualPlanRecorded, recordIndividualPlanCommand,
  type IndividualPlanRecorded, type RecordIndividualPlan,
} from './individualPlan.js';
import {
  decideRecordTreatmentActivity, evolveTreatmentActivityRecorded, recordTreatmentActivityCommand, treatmentActivityRecorded,
  type RecordTreatmentActivity, type TreatmentActivityRecorded,
} from './treatmentActivity.js';
import {
  copingPlan, crisisPlan,
  type CopingPlanVersionRecorded, type CrisisPlanVersionRecorded, type RecordCopingPlanVersion, type RecordCrisisPlanVersion,
} from './versionedPlan.js';

type TreatmentCommand = RecordTreatmentActivity | RecordIndividualPlan | RecordCrisisPlanVersion | RecordCopingPlanVersion;
type TreatmentEvent = TreatmentActivityRecorded | IndividualPlanRecorded | CrisisPlanVersionRecorded | CopingPlanVersionRecorded;

/** Treatment activities, the individual plan, and the versioned crisis and coping plans. */
export const treatmentArea: CourseArea<TreatmentCommand, TreatmentEvent> = {
  name: 'treatment',
  commands: [recordTreatmentActivityCommand, recordIndividualPlanCommand, crisisPlan.command, copingPlan.command],
  events: [treatmentActivityRecorded, individualPlanRecorded, crisisPlan.event, copingPlan.event],
  retractable: [treatmentActivityRecorded.type, individualPlanRecorded.type, crisisPlan.event.type, copingPlan.event.type],
  decide(command, state, context) {
    switch (command.type) {
      case 'RecordTreatmentActivity':
        return decideRecordTreatmentActivity(command, context);
      case 'RecordIndividualPlan':
        return decideRecordIndividualPlan(command, context);
      case 'RecordCrisisPlanVersion':
        return crisisPlan.decide(command, state, context);
      case 'RecordCopingPlanVersion':
        return copingPlan.decide(command, state, context);
    }
  },
  evolve(state, event) {
    const treatment = state.treatment;
    switch (event.type) {
      case 'TreatmentActivityRecorded':
        return { ...state, treatment: evolveTreatmentActivityRecorded(treatment, event) };
      case 'IndividualPlanRecorded':
        return { ...state, treatment: evolveIndividualPlanRecorded(treatment, event) };
      case 'CrisisPlanVersionRecorded':
        return { ...state, treatment: crisisPlan.evolve(treatment, event) };
      case 'CopingPlanVersionRecorded':
        return { ...state, treatment: copingPlan.evolve(treatment, event) };
    }
  },
};
