/** State of the tapering part of a course; evolved only by this area's events. */
export interface TaperingState {
  readonly placeholder?: never;
}

export const initialTaperingState: TaperingState = {};
