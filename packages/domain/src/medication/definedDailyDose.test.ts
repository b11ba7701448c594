import { DomainError } from '../kernel/domainError.js';
import { testReference } from '../testing/testContext.js';
import { calculateDdds, dailyDose, refuseUnjustifiedDoseAboveDdd, type DddCalculation } from './definedDailyDose.js';
import type { Frequency } from './frequency.js';

const once: Frequency = { kind: 'daily', timesPerDay: 1 };

function calculated(atc: string, dose: number, frequency: Frequency = once, unit = 'mg'): DddCalculation {
  const result = calculateDdds({ atc, dose, unit, frequency }, testReference());
  if (result instanceof DomainError) throw new Error(result.code);
  return result;
}

describe('daily dose', () => {
  test.each<[number, Frequency, number]>([
    [15, once, 15],
    [50, { kind: 'daily', timesPerDay: 3 }, 150],
    [0.1, { kind: 'daily', timesPerDay: 3 }, 0.3],
    [1, { kind: 'as_needed', maxTimesPerDay: 4 }, 4],
    [100, { kind: 'every_days', days: 14 }, 7.142857],
  ])('%d with %j is %d a day', (dose, frequency, expected) => {
    expect(dailyDose(dose, frequency)).toBe(expected);
  });
});

describe('dose in DDDs', () => {
  test('olanzapine 15 mg once a day is 1.5 DDD (DDD 10 mg)', () => {
    expect(calculated('N05AH03', 15)).toEqual({ substance: 'olanzapine', dailyDose: 15, ddd: 10, ddds: 1.5 });
  });

  test('quetiapine 100 mg three times a day is 0.75 DDD (DDD 400 mg)', () => {
    expect(calculated('N05AH04', 100, { kind: 'daily', timesPerDay: 3 }).ddds).toBe(0.75);
  });

  test('as-needed lorazepam counts at its maximum per day', () => {
    expect(calculated('N05BA06', 1, { kind: 'as_needed', maxTimesPerDay: 3 }).ddds).toBe(1.2);
  });

  test('lithium is counted in mmol, as in the DDD table', () => {
    expect(calculated('N05AN01', 12, { kind: 'daily', timesPerDay: 2 }, 'mmol').ddds).toBe(1);
  });

  test('a unit other than the table\'s is refused', () => {
    expect(calculateDdds({ atc: 'N05AN01', dose: 400, unit: 'mg', frequency: once }, testReference())).toMatchObject({
      code: 'unit_mismatch',
      details: { unit: 'mg', referenceUnit: 'mmol' },
    });
  });

  test('an ATC code missing from the table is refused', () => {
    expect(calculateDdds({ atc: 'N07BB01', dose: 10, unit: 'mg', frequency: once }, testReference())).toMatchObject({ code: 'unknown_medication' });
  });
});

describe('dose above one DDD (action point 4)', () => {
  test('exactly one DDD needs no justification', () => {
    expect(refuseUnjustifiedDoseAboveDdd(calculated('N06AB04', 20), undefined)).toBeNull();
  });

  test('above one DDD without justification is refused with the DDDs', () => {
    expect(refuseUnjustifiedDoseAboveDdd(calculated('N05AH03', 15), undefined)).toMatchObject({
      code: 'dose_above_ddd_requires_justification',
      details: { ddds: 1.5 },
    });
  });

  test('above one DDD with a justification passes', () => {
    expect(refuseUnjustifiedDoseAboveDdd(calculated('N05AH03', 15), 'Long-standing dose; tapering planned')).toBeNull();
  });
});
