import { z } from 'zod';
import { uuid } from '../kernel/primitives.js';
import type { CourseState } from '../course/courseState.js';
import { isOpen } from './openTaperingPlan.js';
import { latestBegunStep } from './taperingPlan.js';

/**
 * The tapering step a patient was on when something was observed: for each open plan, its
 * latest begun step (started, held, or completed and not yet followed; after a reversal the
 * step before it). The hardest period may come weeks after a step, so a completed step
 * still counts until the next begins.
 */
export const taperingStepLinkSchema = z.object({
  planId: uuid,
  medicationId: uuid,
  stepIndex: z.number().int().positive(),
  stepStatus: z.enum(['started', 'held', 'completed']),
});

export type TaperingStepLink = z.infer<typeof taperingStepLinkSchema>;

/** The steps current at this point of the course, one per open plan (several medications may taper at once). */
export function currentTaperingSteps(state: CourseState): TaperingStepLink[] {
  const links: TaperingStepLink[] = [];
  for (const plan of state.tapering.plans.values()) {
    if (!isOpen(plan)) continue;
    const latest = latestBegunStep(plan);
    if (latest) links.push({ planId: plan.planId, medicationId: plan.medicationId, stepIndex: latest.index, stepStatus: latest.status });
  }
  return links;
}
