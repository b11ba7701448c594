import { makeNationalIdentityNumber } from './nationalIdentityNumberGenerator.js';
import { checkDigits, checkNationalIdentityNumber } from './nationalIdentityNumber.js';

test('known valid numbers pass, and their check digits are the ones computed', () => {
  // Numbers from the public Norwegian test data set.
  for (const number of ['01010750160', '15076500565', '21075417753']) {
    expect(checkDigits(number.slice(0, 9))).toBe(number.slice(9));
    expect(checkNationalIdentityNumber(number).ok).toBe(true);
  }
  expect(checkNationalIdentityNumber('15076500565')).toEqual({ ok: true, kind: 'fodselsnummer', birthDate: '1965-07-15' });
});

test('either wrong check digit is refused', () => {
  const valid = makeNationalIdentityNumber('1999-12-24');
  const bump = (digit: string | undefined) => String((Number(digit) + 1) % 10);
  expect(checkNationalIdentityNumber(valid).ok).toBe(true);
  expect(checkNationalIdentityNumber(valid.slice(0, 9) + bump(valid[9]) + valid[10])).toEqual({ ok: false, reason: 'check-digits' });
  expect(checkNationalIdentityNumber(valid.slice(0, 10) + bump(valid[10]))).toEqual({ ok: false, reason: 'check-digits' });
});

test('a D-number (day + 40) is accepted with the real birth date', () => {
  const dNumber = makeNationalIdentityNumber('1985-01-01', { dNumber: true });
  expect(dNumber.slice(0, 2)).toBe('41');
  expect(checkNationalIdentityNumber(dNumber)).toEqual({ ok: true, kind: 'd-number', birthDate: '1985-01-01' });
  expect(checkNationalIdentityNumber(makeNationalIdentityNumber('1999-03-31', { dNumber: true })))
    .toEqual({ ok: true, kind: 'd-number', birthDate: '1999-03-31' });
});

test('the century follows from the individual number', () => {
  expect(checkNationalIdentityNumber(makeNationalIdentityNumber('2005-01-01'))).toMatchObject({ birthDate: '2005-01-01' });
  expect(checkNationalIdentityNumber(makeNationalIdentityNumber('1860-01-01'))).toMatchObject({ birthDate: '1860-01-01' });
  expect(checkNationalIdentityNumber(makeNationalIdentityNumber('1960-01-01'))).toMatchObject({ birthDate: '1960-01-01' });
});

/** The first of the date's numbers (individual numbers from `from`) that has check digits, completed. */
function firstWithCheckDigits(datePart: string, from: number): string {
  const firstNine = Array.from({ length: 250 }, (_, n) => datePart + String(from + n).padStart(3, '0'))
    .find((candidate) => checkDigits(candidate) !== null);
  if (!firstNine) throw new Error(`no number for ${datePart}`);
  return firstNine + checkDigits(firstNine);
}

test('impossible dates are refused even with correct check digits', () => {
  const impossible = [
    '310480', // 31 April
    '290201', // 29 February in a common year
    '000180', // day 0
    '011380', // month 13
    '720180', // D-number day 32
  ];
  for (const datePart of impossible) {
    expect(checkNationalIdentityNumber(firstWithCheckDigits(datePart, 0))).toEqual({ ok: false, reason: 'date' });
  }
  // Individual numbers 500-749 with a year 40-53 belong to no century.
  expect(checkNationalIdentityNumber(firstWithCheckDigits('010145', 500))).toEqual({ ok: false, reason: 'date' });
  expect(checkNationalIdentityNumber(makeNationalIdentityNumber('2000-02-29'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
});

test('anything but eleven digits is a format error', () => {
  for (const value of ['', '0101801234', '010180123456', '0101801234a', ' 01018012345']) {
    expect(checkNationalIdentityNumber(value)).toEqual({ ok: false, reason: 'format' });
  }
});
