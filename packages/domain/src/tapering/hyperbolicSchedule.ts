import { roundedReduction, type MakeableDoses } from './makeableDoses.js';

/**
 * Target doses (ticks) of a hyperbolic taper: each step removes `percent` of the CURRENT
 * dose, so reductions shrink as the dose falls, because receptor occupancy is hyperbolic
 * in dose and the last milligrams weigh most. A positive dose below `floor` becomes zero.
 */
export function hyperbolicDoses(options: {
  start: number;
  end: number;
  percent: number;
  floor: number;
  makeable: MakeableDoses;
}): number[] {
  const { start, end, percent, floor, makeable } = options;
  const doses: number[] = [];
  let current = start;
  while (current > end) {
    const next = roundedReduction(makeable, current, current * (1 - percent / 100), end);
    current = next < floor ? 0 : next;
    doses.push(current);
  }
  return doses;
}
