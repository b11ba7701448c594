import type { EventStore } from '@medfri/event-store';
import { Registry } from 'prom-client';
import type { ProjectionStatus } from './projectionWorker.js';
export interface ProjectorMetrics {
    registry: Registry;
    countFailure(projection: string): void;
}
/**
 * The projector's Prometheus metrics. Lag (head position minus checkpoint) per fed
 * build is computed when scraped, so it is exact at that moment and costs nothing
 * in between.
 */
export declare function createProjectorMetrics(store: EventStore, projections: () => readonly ProjectionStatus[]): ProjectorMetrics;
//# sourceMappingURL=projectorMetrics.d.ts.map