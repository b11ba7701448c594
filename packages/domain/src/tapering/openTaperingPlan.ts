import { DomainError } from '../kernel/domainError.js';
import type { TaperingPlan, TaperingState } from './taperingState.js';

/** Active or paused: a plan still in force. */
export const isOpen = (plan: TaperingPlan): boolean => plan.status === 'active' || plan.status === 'paused';

/** The medication's plan in force, if any; there is at most one per medication. */
export function openTaperingPlanOf(tapering: TaperingState, medicationId: string): TaperingPlan | undefined {
  return tapering.plans.values().find((plan) => plan.medicationId === medicationId && isOpen(plan));
}

/** The plan a command acts on, which must exist and still be in force. */
export function openTaperingPlan(tapering: TaperingState, planId: string): TaperingPlan | DomainError {
  const plan = tapering.plans.get(planId);
  if (!plan) return new DomainError('tapering_plan_not_found', 'No tapering plan with this id on the course', { planId });
  if (!isOpen(plan)) return new DomainError('tapering_plan_closed', `The tapering plan is ${plan.status.replaceAll('_', ' ')}`, { planId, status: plan.status });
  return plan;
}

/** The plan in force and not paused: steps only move while the plan runs. */
export function runningTaperingPlan(tapering: TaperingState, planId: string): TaperingPlan | DomainError {
  const plan = openTaperingPlan(tapering, planId);
  if (plan instanceof DomainError || plan.status === 'active') return plan;
  return new DomainError('tapering_plan_paused', 'The tapering plan is paused: resume it first', { planId });
}
