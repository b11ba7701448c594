import { defaultDomainConfig, type DomainConfig } from '@medfri/domain';
import { loadReferenceData, type ReferenceData } from '@medfri/reference-data';

/**
 * What every decision takes besides the clock and ids: reference data (medications, DDDs,
 * units, diagnosis groups) and site configuration. Loaded once, on first use: the files
 * do not change while the process runs, and parsing them per request would dominate.
 */
export interface DecisionSupport {
  reference: ReferenceData;
  config: DomainConfig;
}

let loaded: DecisionSupport | undefined;

export function decisionSupport(): DecisionSupport {
  loaded ??= { reference: loadReferenceData(), config: defaultDomainConfig };
  return loaded;
}
