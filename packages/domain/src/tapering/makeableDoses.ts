import { DomainError } from '../kernel/domainError.js';
import type { DoseRounding } from '../medication/doseRounding.js';

/**
 * Doses are computed in integer ticks of 1/10000 of the unit, so sums of strengths like
 * 2.5 + 7.5 and multiples of 0.1 are exact and comparisons never suffer float drift.
 */
const ticksPerUnit = 10_000;
/** Bounds the work of enumerating makeable doses; finer roundings are refused. */
const maxMakeableSlots = 1_000_000;

export const toTicks = (amount: number): number => Math.round(amount * ticksPerUnit);
export const fromTicks = (ticks: number): number => ticks / ticksPerUnit;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The doses (in ticks, ascending, starting at 0) a formulation can make, up to a maximum. */
export class MakeableDoses {
  private constructor(private readonly ascending: readonly number[]) {}

  static upTo(rounding: DoseRounding, maxTicks: number): MakeableDoses | DomainError {
    const quanta = 'resolution' in rounding ? [toTicks(rounding.resolution)] : rounding.strengths.map(toTicks);
    if (quanta.some((q) => q < 1)) return new DomainError('rounding_too_fine', 'Strengths and resolutions must be at least 0.0001', { rounding });
    const step = quanta.reduce(gcd);
    const slots = Math.floor(maxTicks / step);
    if (slots > maxMakeableSlots) return new DomainError('rounding_too_fine', 'Too many makeable doses below the start dose', { rounding, slots });
    // Reachable multiples of the common divisor: unbounded coin change over the strengths.
    const units = quanta.map((q) => q / step);
    const reachable = new Uint8Array(slots + 1);
    reachable[0] = 1;
    for (let k = 1; k <= slots; k += 1) {
      if (units.some((u) => u <= k && reachable[k - u] === 1)) reachable[k] = 1;
    }
    const ascending: number[] = [];
    reachable.forEach((isReachable, k) => {
      if (isReachable === 1) ascending.push(k * step);
    });
    return new MakeableDoses(ascending);
  }

  has(ticks: number): boolean {
    return this.ascending[this.indexOfLargestAtMost(ticks)] === ticks;
  }

  /** The makeable dose nearest to `ticks`; on a tie the higher one, the gentler reduction. */
  nearest(ticks: number): number {
    const below = this.indexOfLargestAtMost(ticks);
    const lower = this.ascending[below] as number;
    const higher = this.ascending[below + 1];
    return higher !== undefined && higher - ticks <= ticks - lower ? higher : lower;
  }

  /** The largest makeable dose strictly below `ticks` (0 is always makeable). */
  largestBelow(ticks: number): number {
    return this.ascending[this.indexOfLargestAtMost(ticks - 1)] ?? 0;
  }

  /** Binary search; -1 when `ticks` is negative. */
  private indexOfLargestAtMost(ticks: number): number {
    let low = 0;
    let high = this.ascending.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.ascending[middle] as number) <= ticks) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/**
 * One step down from `current` toward an exact target: the nearest makeable dose, or, when
 * rounding would not lower the dose (small doses, coarse strengths), the next makeable
 * dose below; never below the schedule's end dose.
 */
export function roundedReduction(makeable: MakeableDoses, current: number, exact: number, end: number): number {
  const nearest = makeable.nearest(exact);
  const lowered = nearest < current ? nearest : makeable.largestBelow(current);
  return Math.max(lowered, end);
}
