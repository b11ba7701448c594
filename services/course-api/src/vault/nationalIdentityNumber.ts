import { DateTime } from 'luxon';

/** A fødselsnummer, or a D-number (given to people without one: first digit + 4). */
export type NationalIdentityNumberKind = 'fodselsnummer' | 'd-number';

export type NationalIdentityNumberCheck =
  | { ok: true; kind: NationalIdentityNumberKind; birthDate: string }
  | { ok: false; reason: 'format' | 'check-digits' | 'date' };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Mod-11 check digit; null when the remainder makes one impossible (no number is issued then). */
function mod11(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

/** The two check digits for the first nine digits, or null when no valid number starts with them. */
export function checkDigits(firstNine: string): string | null {
  const digits = [...firstNine].map(Number);
  const k1 = mod11(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = mod11([...digits, k1], K2_WEIGHTS);
  return k2 === null ? null : `${k1}${k2}`;
}

/** The century follows from the individual number (digits 7-9) and the two-digit year. */
function century(individual: number, twoDigitYear: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && twoDigitYear >= 54) return 1800;
  if (twoDigitYear <= 39) return 2000;
  if (individual >= 900) return 1900;
  return null;
}

/**
 * Checks a Norwegian national identity number: 11 digits, both mod-11 check digits, and
 * a birth date that exists (D-numbers: day + 40). Returns the birth date it encodes.
 */
export function checkNationalIdentityNumber(value: string): NationalIdentityNumberCheck {
  if (!/^\d{11}$/.test(value)) return { ok: false, reason: 'format' };
  if (checkDigits(value.slice(0, 9)) !== value.slice(9)) return { ok: false, reason: 'check-digits' };
  const dayField = Number(value.slice(0, 2));
  const kind: NationalIdentityNumberKind = dayField > 40 ? 'd-number' : 'fodselsnummer';
  const twoDigitYear = Number(value.slice(4, 6));
  const base = century(Number(value.slice(6, 9)), twoDigitYear);
  if (base === null) return { ok: false, reason: 'date' };
  const date = DateTime.fromObject(
    { year: base + twoDigitYear, month: Number(value.slice(2, 4)), day: kind === 'd-number' ? dayField - 40 : dayField },
    { zone: 'utc' },
  );
  if (!date.isValid) return { ok: false, reason: 'date' };
  return { ok: true, kind, birthDate: date.toISODate() ?? '' };
}

/** The birth date a number encodes; only for numbers already validated (throws otherwise). */
export function birthDateOf(value: string): string {
  const check = checkNationalIdentityNumber(value);
  if (!check.ok) throw new Error(`Not a valid national identity number (${check.reason})`);
  return check.birthDate;
}
