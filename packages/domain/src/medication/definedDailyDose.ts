import type { ReferenceData } from '@medfri/reference-data';
import { DomainError } from '../kernel/domainError.js';
import { administrationsPerDay, type Frequency } from './frequency.js';

/** A prescribed amount of one substance: dose per administration, its unit and how often. */
export interface Prescription {
  readonly atc: string;
  readonly dose: number;
  readonly unit: string;
  readonly frequency: Frequency;
}

export interface DddCalculation {
  readonly substance: string;
  readonly dailyDose: number;
  /** The WHO defined daily dose of the substance, in the same unit. */
  readonly ddd: number;
  /** Daily dose in DDDs, to 4 decimals (1.5 means one and a half DDD). */
  readonly ddds: number;
}

/** Rounds away float noise (0.1 * 3) without losing any dose a clinician could write. */
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The amount per day: dose times administrations per day (as-needed counted at its maximum). */
export function dailyDose(dose: number, frequency: Frequency): number {
  return round(dose * administrationsPerDay(frequency), 6);
}

/**
 * The daily dose in WHO defined daily doses (action points 4 and 7). The DDD table is the
 * site's reference data: an unknown ATC code is refused (`unknown_medication`; the site
 * extends the table), and so is a unit other than the table's (`unit_mismatch`), since
 * converting e.g. mmol to mg needs a substance-specific factor we do not guess.
 */
export function calculateDdds(prescription: Prescription, reference: ReferenceData): DddCalculation | DomainError {
  const medication = reference.medications.get(prescription.atc);
  if (!medication) {
    return new DomainError('unknown_medication', `No WHO DDD is registered for ATC code ${prescription.atc}`, { atc: prescription.atc });
  }
  if (medication.unit !== prescription.unit) {
    return new DomainError('unit_mismatch', `The DDD of ${medication.name} is given in ${medication.unit}, not ${prescription.unit}`, {
      atc: prescription.atc,
      unit: prescription.unit,
      referenceUnit: medication.unit,
    });
  }
  const daily = dailyDose(prescription.dose, prescription.frequency);
  return { substance: medication.name, dailyDose: daily, ddd: medication.ddd, ddds: round(daily / medication.ddd, 4) };
}

/**
 * Action point 4: a dose above one DDD must be justified. Compares the daily dose with the
 * DDD itself, so rounding of `ddds` can never tip the decision.
 */
export function refuseUnjustifiedDoseAboveDdd(calculation: DddCalculation, justification: string | undefined): DomainError | null {
  if (calculation.dailyDose <= calculation.ddd || justification !== undefined) return null;
  return new DomainError('dose_above_ddd_requires_justification', `A daily dose of ${calculation.ddds} DDD of ${calculation.substance} needs a written justification`, {
    ddds: calculation.ddds,
    dailyDose: calculation.dailyDose,
    ddd: calculation.ddd,
  });
}
