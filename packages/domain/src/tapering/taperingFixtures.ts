import { olanzapineId } from '../medication/medicationFixtures.js';
import type { TaperingStepCompleted } from './completeTaperingStep.js';
import type { TaperingPlanCreated } from './createTaperingPlan.js';
import type { TaperingStepStarted } from './startTaperingStep.js';

/** Tapering events for specification tests: olanzapine 15 mg tapered hyperbolically from 2.5 mg steps. */
export const planId = 'c0000000-0000-4000-8000-000000000001';
export const planCreatedAt = '2025-01-20T10:00:00.000Z';

const olanzapineTargets = [12.5, 10, 7.5, 5, 2.5, 0];

export function olanzapinePlanCreated(): TaperingPlanCreated {
  return {
    type: 'TaperingPlanCreated',
    data: {
      occurredAt: planCreatedAt,
      planId,
      medicationId: olanzapineId,
      version: 1,
      baselineDose: 15,
      parameters: {
        kind: 'hyperbolic', startDose: 15, startDate: '2025-02-03', intervalDays: 28, percent: 10, endAt: 'zero', floor: 0,
        rounding: { strengths: [2.5, 5, 7.5, 10, 15] },
      },
      steps: olanzapineTargets.map((targetDose, i) => ({
        index: i + 1,
        targetDose,
        plannedStart: ['2025-02-03', '2025-03-03', '2025-03-31', '2025-04-28', '2025-05-26', '2025-06-23'][i] as string,
        minimumDaysToHold: 28,
      })),
    },
  };
}

/** The olanzapine dose before a step: the previous step's target, or the baseline. */
const doseBefore = (stepIndex: number): number => (stepIndex === 1 ? 15 : (olanzapineTargets[stepIndex - 2] as number));

export function olanzapineStepStarted(stepIndex: number, occurredAt: string): TaperingStepStarted {
  const dose = olanzapineTargets[stepIndex - 1] as number;
  return {
    type: 'TaperingStepStarted',
    data: {
      occurredAt,
      planId,
      stepIndex,
      doseChange: { medicationId: olanzapineId, previousDose: doseBefore(stepIndex), dose, frequency: { kind: 'daily', timesPerDay: 1 }, dailyDose: dose, ddds: dose / 10 },
    },
  };
}

export function stepCompleted(stepIndex: number, occurredAt: string, heldDays = 28): TaperingStepCompleted {
  return { type: 'TaperingStepCompleted', data: { occurredAt, planId, stepIndex, heldDays, completedBeforeMinimumHold: heldDays < 28 } };
}
