/** State of the relapse part of a course; evolved only by this area's events. */
export interface RelapseState {
  readonly placeholder?: never;
}

export const initialRelapseState: RelapseState = {};
