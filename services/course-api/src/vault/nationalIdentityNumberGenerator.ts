import { checkDigits } from './nationalIdentityNumber.js';

// Individual numbers (digits 7-9) in use for each birth century.
const INDIVIDUAL_RANGES: Record<number, [number, number]> = { 1800: [500, 749], 1900: [0, 499], 2000: [500, 999] };

/**
 * A valid national identity number for the birth date (ISO), the n-th (`index`) of the
 * numbers that exist for it; D-numbers add 40 to the day. Unique numbers on demand for
 * tests, benchmarks and demo data.
 */
export function makeNationalIdentityNumber(birthDate: string, options: { index?: number; dNumber?: boolean } = {}): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const range = INDIVIDUAL_RANGES[Math.floor(year / 100) * 100];
  if (!range) throw new Error(`no national identity numbers for ${birthDate}`);
  const prefix = `${String(day + (options.dNumber ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
  let remaining = options.index ?? 0;
  for (let individual = range[0]; individual <= range[1]; individual += 1) {
    const firstNine = prefix + String(individual).padStart(3, '0');
    const digits = checkDigits(firstNine);
    if (digits === null) continue;
    if (remaining === 0) return firstNine + digits;
    remaining -= 1;
  }
  throw new Error(`fewer than ${(options.index ?? 0) + 1} numbers exist for ${birthDate}`);
}
