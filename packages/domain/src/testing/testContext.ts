import { DateTime } from 'luxon';
import type { z } from 'zod';
import { loadReferenceData, type ReferenceData } from '@medfri/reference-data';
import type { DecisionContext } from '../kernel/decisionContext.js';
import { domainConfigSchema } from '../kernel/domainConfig.js';

let reference: ReferenceData | undefined;

/** The real seed reference data, read once per test file. */
export function testReference(): ReferenceData {
  reference ??= loadReferenceData();
  return reference;
}

/** The fixed "now" of tests unless one says otherwise. */
export const testNow = DateTime.fromISO('2025-03-03T09:00:00.000Z', { zone: 'utc' });

/** The nth id (1-based) a `sequentialIds` generator hands out, so expectations can name minted ids. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Counter-based UUIDs: testId(1), testId(2), ... */
export function sequentialIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return testId(n);
  };
}

export interface TestContextOptions {
  /** Defaults to `testNow`; an ISO instant is read as UTC. */
  now?: DateTime | string;
  /** Site configuration; omitted fields take their defaults. */
  config?: z.input<typeof domainConfigSchema>;
  newId?: () => string;
}

/** A decision context with fixed time, deterministic ids, the real reference data and default config. */
export function testContext(options: TestContextOptions = {}): DecisionContext {
  const now = typeof options.now === 'string' ? DateTime.fromISO(options.now, { zone: 'utc' }) : (options.now ?? testNow);
  return {
    now: now.toUTC(),
    newId: options.newId ?? sequentialIds(),
    reference: testReference(),
    config: domainConfigSchema.parse(options.config ?? {}),
  };
}
