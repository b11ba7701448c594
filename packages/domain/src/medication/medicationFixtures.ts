import type { MedicationRecorded } from './recordMedication.js';

/** Medication events for specification tests of the medication and tapering areas. */
export const olanzapineId = 'b0000000-0000-4000-8000-000000000001';
export const citalopramId = 'b0000000-0000-4000-8000-000000000002';
export const medicationRecordedAt = '2025-01-07T10:00:00.000Z';

/** Olanzapine 15 mg once a day, 1.5 DDD, justified; tablets of 2.5, 5, 7.5, 10 and 15 mg. */
export function olanzapineRecorded(overrides: Partial<MedicationRecorded['data']> = {}): MedicationRecorded {
  return {
    type: 'MedicationRecorded',
    data: {
      occurredAt: medicationRecordedAt,
      medicationId: olanzapineId,
      atc: 'N05AH03',
      substance: 'olanzapine',
      dose: 15,
      unit: 'mg',
      frequency: { kind: 'daily', timesPerDay: 1 },
      formulation: 'tablet',
      rounding: { strengths: [2.5, 5, 7.5, 10, 15] },
      dailyDose: 15,
      ddds: 1.5,
      justificationAboveDdd: 'Dose set during an acute phase years ago; tapering is the plan.',
      ...overrides,
    },
  };
}

/** Citalopram 20 mg once a day, 1 DDD, as oral drops measured to 0.1 mg. */
export function citalopramRecorded(overrides: Partial<MedicationRecorded['data']> = {}): MedicationRecorded {
  return {
    type: 'MedicationRecorded',
    data: {
      occurredAt: medicationRecordedAt,
      medicationId: citalopramId,
      atc: 'N06AB04',
      substance: 'citalopram',
      dose: 20,
      unit: 'mg',
      frequency: { kind: 'daily', timesPerDay: 1 },
      formulation: 'oral_solution',
      rounding: { resolution: 0.1 },
      dailyDose: 20,
      ddds: 1,
      ...overrides,
    },
  };
}
