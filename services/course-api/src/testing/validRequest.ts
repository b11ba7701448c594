import fc from 'fast-check';
import type { AnyRoute } from '../http/route.js';
import { arbitraryFor, type FuzzSamples } from './schemaArbitrary.js';

const ATTEMPTS = 5000;

/**
 * A body the route's schema accepts, drawn from the fuzz generator with a fixed seed (so
 * the same body every run): enough to get a request past validation to the policy.
 */
export function validBody(route: AnyRoute, samples: FuzzSamples): unknown {
  if (!route.body) return undefined;
  const schema = route.body;
  const found = fc.sample(arbitraryFor(schema, samples), { numRuns: ATTEMPTS, seed: 42 }).find((value) => schema.safeParse(value).success);
  if (found === undefined) throw new Error(`No valid body for ${route.operationId} in ${ATTEMPTS} samples`);
  return found;
}
