/** Where the verifier learns the time, so a service's tests can set it instead of waiting for it. */
export interface Clock {
  now(): Date;
}
