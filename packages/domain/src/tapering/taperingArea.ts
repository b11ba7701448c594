import type { CourseArea } from '../course/courseArea.js';
import type { CourseState } from '../course/courseState.js';
import { applyDoseChange, type DoseChange } from '../medication/doseChange.js';
import { stopMedicationRecord } from '../medication/medicationInUse.js';
import {
  completeTaperingPlanCommand, decideCompleteTaperingPlan, decideEndTaperingPlanAtDose, endTaperingPlanAtDoseCommand, evolveTaperingPlanClosed,
  taperingPlanCompleted, taperingPlanEndedAtDose, type CompleteTaperingPlan, type EndTaperingPlanAtDose, type TaperingPlanCompleted, type TaperingPlanEndedAtDose,
} from './closeTaperingPlan.js';
import { completeTaperingStepCommand, decideCompleteTaperingStep, evolveStepCompletion, taperingStepCompleted, type CompleteTaperingStep, type TaperingStepCompleted } from './completeTaperingStep.js';
import { createTaperingPlanCommand, decideCreateTaperingPlan, evolveTaperingPlanCreated, taperingPlanCreated, type CreateTaperingPlan, type TaperingPlanCreated } from './createTaperingPlan.js';
import {
  decideHoldTaperingStep, decideResumeTaperingStep, evolveTaperingStepHeld, evolveTaperingStepResumed, holdTaperingStepCommand, resumeTaperingStepCommand,
  taperingStepHeld, taperingStepResumed, type HoldTaperingStep, type ResumeTaperingStep, type TaperingStepHeld, type TaperingStepResumed,
} from './holdTaperingStep.js';
import {
  decidePauseTaperingPlan, decideResumeTaperingPlan, evolveTaperingPlanToggled, pauseTaperingPlanCommand, resumeTaperingPlanCommand,
  taperingPlanPaused, taperingPlanResumed, type PauseTaperingPlan, type ResumeTaperingPlan, type TaperingPlanPaused, type TaperingPlanResumed,
} from './pauseTaperingPlan.js';
import { decideReverseTaperingStep, evolveTaperingStepReversed, reverseTaperingStepCommand, taperingStepReversed, type ReverseTaperingStep, type TaperingStepReversed } from './reverseTaperingStep.js';
import { decideReviseTaperingPlan, evolveTaperingPlanRevised, reviseTaperingPlanCommand, taperingPlanRevised, type ReviseTaperingPlan, type TaperingPlanRevised } from './reviseTaperingPlan.js';
import { decideStartTaperingStep, evolveTaperingStepStarted, startTaperingStepCommand, taperingStepStarted, type StartTaperingStep, type TaperingStepStarted } from './startTaperingStep.js';

type TaperingCommand =
  | CreateTaperingPlan | ReviseTaperingPlan | StartTaperingStep | CompleteTaperingStep | HoldTaperingStep | ResumeTaperingStep
  | ReverseTaperingStep | PauseTaperingPlan | ResumeTaperingPlan | CompleteTaperingPlan | EndTaperingPlanAtDose;
type TaperingEvent =
  | TaperingPlanCreated | TaperingPlanRevised | TaperingStepStarted | TaperingStepCompleted | TaperingStepHeld | TaperingStepResumed
  | TaperingStepReversed | TaperingPlanPaused | TaperingPlanResumed | TaperingPlanCompleted | TaperingPlanEndedAtDose;

/** Steps that change the dose change the medication slice too: one stream, one consistent state. */
const withDose = (state: CourseState, tapering: CourseState['tapering'], change: DoseChange): CourseState =>
  ({ ...state, tapering, medication: applyDoseChange(state.medication, change) });

/** Tapering plans per medication, agreed with the patient; their versions, steps, holds, reversals and endings. */
export const taperingArea: CourseArea<TaperingCommand, TaperingEvent> = {
  name: 'tapering',
  commands: [
    createTaperingPlanCommand, reviseTaperingPlanCommand, startTaperingStepCommand, completeTaperingStepCommand, holdTaperingStepCommand,
    resumeTaperingStepCommand, reverseTaperingStepCommand, pauseTaperingPlanCommand, resumeTaperingPlanCommand, completeTaperingPlanCommand,
    endTaperingPlanAtDoseCommand,
  ],
  events: [
    taperingPlanCreated, taperingPlanRevised, taperingStepStarted, taperingStepCompleted, taperingStepHeld, taperingStepResumed,
    taperingStepReversed, taperingPlanPaused, taperingPlanResumed, taperingPlanCompleted, taperingPlanEndedAtDose,
  ],
  retractable: [],
  decide(command, state, context) {
    switch (command.type) {
      case 'CreateTaperingPlan':
        return decideCreateTaperingPlan(command, state, context);
      case 'ReviseTaperingPlan':
        return decideReviseTaperingPlan(command, state, context);
      case 'StartTaperingStep':
        return decideStartTaperingStep(command, state, context);
      case 'CompleteTaperingStep':
        return decideCompleteTaperingStep(command, state, context);
      case 'HoldTaperingStep':
        return decideHoldTaperingStep(command, state, context);
      case 'ResumeTaperingStep':
        return decideResumeTaperingStep(command, state, context);
      case 'ReverseTaperingStep':
        return decideReverseTaperingStep(command, state, context);
      case 'PauseTaperingPlan':
        return decidePauseTaperingPlan(command, state, context);
      case 'ResumeTaperingPlan':
        return decideResumeTaperingPlan(command, state, context);
      case 'CompleteTaperingPlan':
        return decideCompleteTaperingPlan(command, state, context);
      case 'EndTaperingPlanAtDose':
        return decideEndTaperingPlanAtDose(command, state, context);
    }
  },
  evolve(state, event) {
    const tapering = state.tapering;
    switch (event.type) {
      case 'TaperingPlanCreated':
        return { ...state, tapering: evolveTaperingPlanCreated(tapering, event) };
      case 'TaperingPlanRevised':
        return { ...state, tapering: evolveTaperingPlanRevised(tapering, event) };
      case 'TaperingStepStarted':
        return withDose(state, evolveTaperingStepStarted(tapering, event), event.data.doseChange);
      case 'TaperingStepCompleted':
        return { ...state, tapering: evolveStepCompletion(tapering, event.data.planId, event.data, event.data.occurredAt) };
      case 'TaperingStepHeld':
        return { ...state, tapering: evolveTaperingStepHeld(tapering, event) };
      case 'TaperingStepResumed':
        return { ...state, tapering: evolveTaperingStepResumed(tapering, event) };
      case 'TaperingStepReversed':
        return withDose(state, evolveTaperingStepReversed(tapering, event), event.data.doseChange);
      case 'TaperingPlanPaused':
      case 'TaperingPlanResumed':
        return { ...state, tapering: evolveTaperingPlanToggled(tapering, event) };
      case 'TaperingPlanCompleted':
        return {
          ...state,
          tapering: evolveTaperingPlanClosed(tapering, event),
          medication: stopMedicationRecord(state.medication, event.data.medicationId, event.data.occurredAt),
        };
      case 'TaperingPlanEndedAtDose':
        return { ...state, tapering: evolveTaperingPlanClosed(tapering, event) };
    }
  },
};
