import type { ProjectionDefinition } from '../projectionDefinition.js';
import { eventCounts } from './eventCounts.js';

/** Every read model the projector maintains. */
export const allProjections: readonly ProjectionDefinition[] = [eventCounts];
