import { roundedReduction, type MakeableDoses } from './makeableDoses.js';

/**
 * Target doses (ticks) of a linear taper: `steps` equal reductions from the start to the
 * end dose, each rounded to a makeable dose. Coarse rounding may reach the end in fewer steps.
 */
export function linearDoses(options: { start: number; end: number; steps: number; makeable: MakeableDoses }): number[] {
  const { start, end, steps, makeable } = options;
  const reduction = (start - end) / steps;
  const doses: number[] = [];
  let current = start;
  for (let step = 1; step <= steps && current > end; step += 1) {
    current = step === steps ? end : roundedReduction(makeable, current, start - step * reduction, end);
    doses.push(current);
  }
  return doses;
}
