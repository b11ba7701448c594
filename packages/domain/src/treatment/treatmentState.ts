/** An individual or group session of a treatment method; a clinical entry that may be retracted. */
export interface TreatmentActivity {
  readonly entryId: string;
  readonly method: string;
  readonly format: 'individual' | 'group';
  readonly date: string;
  readonly durationMinutes: number;
}

/** Whether an individual plan (individuell plan) exists; the newest standing record is the current one. */
export interface IndividualPlanRecord {
  readonly entryId: string;
  readonly exists: boolean;
  readonly coordinatorRole: string | null;
  readonly establishedOn: string | null;
  readonly recordedAt: string;
}

/** One version of a crisis or coping plan; the content itself is personal text and stays in the event. */
export interface PlanVersion {
  readonly entryId: string;
  readonly version: number;
  readonly patientAgreed: boolean;
  readonly agreedAt: string | null;
  readonly recordedAt: string;
}

/** State of the treatment part of a course; evolved only by this area's events. Retracted entries stay listed (see `state.entries`). */
export interface TreatmentState {
  readonly activities: readonly TreatmentActivity[];
  readonly individualPlan: readonly IndividualPlanRecord[];
  readonly crisisPlan: readonly PlanVersion[];
  readonly copingPlan: readonly PlanVersion[];
}

export const initialTreatmentState: TreatmentState = { activities: [], individualPlan: [], crisisPlan: [], copingPlan: [] };
