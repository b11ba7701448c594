import type { DateTime } from 'luxon';
import type { ReferenceData } from '@medfri/reference-data';
import type { DomainConfig } from './domainConfig.js';

/**
 * Everything a decider needs from outside, passed in so deciders stay pure:
 * the current time, a source of new ids, reference data and site configuration.
 */
export interface DecisionContext {
  /** Now, in UTC. Deciders never read the clock. */
  now: DateTime;
  /** A new UUID for ids the decider mints (plans, stays, documents). */
  newId: () => string;
  reference: ReferenceData;
  config: DomainConfig;
}
