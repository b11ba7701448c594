import { z } from 'zod';
import { DomainError } from '../kernel/domainError.js';
import type { PlannedStep } from './scheduleGenerator.js';
import type { TaperingPlan, TaperingState, TaperingStep } from './taperingState.js';

/** Steps are numbered from 1, as patients and clinicians count them. */
export const stepIndex = z.number().int().positive();

/**
 * A step of a new plan or revision: planned, nothing happened yet. Written out rather than
 * spread from the event's step: every step gets the same shape, and spreading was a
 * measurable part of folding a plan's creation.
 */
export function plannedStep(step: PlannedStep): TaperingStep {
  return {
    index: step.index, targetDose: step.targetDose, plannedStart: step.plannedStart, minimumDaysToHold: step.minimumDaysToHold,
    status: 'planned', startedAt: null, completedAt: null, heldDays: null, completedBeforeMinimumHold: null, hold: null, reversals: 0,
  };
}

export function findStep(plan: TaperingPlan, stepIndex: number): TaperingStep | DomainError {
  const step = plan.steps.find((s) => s.index === stepIndex);
  return step ?? new DomainError('tapering_step_not_found', `The plan has no step ${stepIndex}`, { planId: plan.planId, stepIndex, steps: plan.steps.length });
}

/** The step the patient is on the dose of right now, started or held; at most one. */
export const stepInProgress = (plan: TaperingPlan): TaperingStep | undefined =>
  plan.steps.find((step) => step.status === 'started' || step.status === 'held');

export type BegunStep = TaperingStep & { readonly status: 'started' | 'held' | 'completed' };

const isBegun = (step: TaperingStep): step is BegunStep => step.status === 'started' || step.status === 'held' || step.status === 'completed';

/** The latest step begun and not reversed: its dose is the one the patient is on (the baseline when none). */
export const latestBegunStep = (plan: TaperingPlan): BegunStep | undefined => plan.steps.findLast(isBegun);

/** The next step to start: the first one not completed (a reversed step is tried again, or revised away). */
export const nextStep = (plan: TaperingPlan): TaperingStep | undefined =>
  plan.steps.find((step) => step.status === 'planned' || step.status === 'reversed');

/** The dose before a step: the previous step's target, or the baseline before the first. */
export function doseBefore(plan: TaperingPlan, stepIndex: number): number {
  return plan.steps.findLast((step) => step.index < stepIndex)?.targetDose ?? plan.baselineDose;
}

export function updatePlan(tapering: TaperingState, planId: string, update: (plan: TaperingPlan) => TaperingPlan): TaperingState {
  const plans = tapering.plans.update(planId, update);
  return plans === tapering.plans ? tapering : { ...tapering, plans };
}

export function updateStep(tapering: TaperingState, planId: string, stepIndex: number, update: (step: TaperingStep) => TaperingStep): TaperingState {
  return updatePlan(tapering, planId, (plan) => ({ ...plan, steps: plan.steps.map((step) => (step.index === stepIndex ? update(step) : step)) }));
}
