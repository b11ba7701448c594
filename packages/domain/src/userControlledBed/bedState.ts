/** State of the user-controlled bed part of a course; evolved only by this area's events. */
export interface BedState {
  readonly placeholder?: never;
}

export const initialBedState: BedState = {};
