/** State of the observation part of a course; evolved only by this area's events. */
export interface ObservationState {
  readonly placeholder?: never;
}

export const initialObservationState: ObservationState = {};
