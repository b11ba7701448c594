import { RecordsById } from '../kernel/recordsById.js';
import type { DoseRounding } from './doseRounding.js';
import type { Formulation } from './formulation.js';
import type { Frequency } from './frequency.js';

/** A medication recorded on the course; kept after it is stopped, with `inUse: false`. */
export interface MedicationRecord {
  readonly medicationId: string;
  readonly atc: string;
  readonly substance: string;
  /** Amount per administration, in `unit`; 0 once stopped. */
  readonly dose: number;
  readonly unit: string;
  readonly frequency: Frequency;
  readonly formulation: Formulation;
  readonly rounding: DoseRounding;
  readonly dailyDose: number;
  /** Daily dose in WHO defined daily doses. */
  readonly ddds: number;
  /** The dose when the medication was recorded: the baseline tapering starts from. */
  readonly baselineDose: number;
  readonly inUse: boolean;
  readonly recordedAt: string;
  readonly stoppedAt: string | null;
  /** Side-effect assessments (entry ids and times), oldest first; retracted ones are filtered via `CourseState.entries`. */
  readonly assessments: readonly { readonly entryId: string; readonly assessedAt: string }[];
}

/** State of the medication part of a course; evolved by this area's events and by tapering dose changes. */
export interface MedicationState {
  readonly medications: RecordsById<MedicationRecord>;
}

export const initialMedicationState: MedicationState = { medications: RecordsById.empty() };
