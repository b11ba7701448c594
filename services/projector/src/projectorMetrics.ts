import type { EventStore } from '@medfri/event-store';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
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
export function createProjectorMetrics(store: EventStore, projections: () => readonly ProjectionStatus[]): ProjectorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'medfri_projection_lag_events',
    help: 'Events in the store not yet applied to the build (head position minus checkpoint)',
    labelNames: ['projection', 'build'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const head = await store.headPosition();
      for (const projection of projections()) {
        for (const build of projection.builds) {
          this.set({ projection: projection.name, build: build.status }, Math.max(0, head - build.checkpoint));
        }
      }
    },
  });
  new Gauge({
    name: 'medfri_projection_checkpoint',
    help: 'Global position of the last event applied to the build',
    labelNames: ['projection', 'build'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const projection of projections()) {
        for (const build of projection.builds) this.set({ projection: projection.name, build: build.status }, build.checkpoint);
      }
    },
  });
  new Gauge({
    name: 'medfri_projection_leading',
    help: '1 while this instance holds the projection, 0 while it waits for another instance',
    labelNames: ['projection'] as const,
    registers: [registry],
    collect() {
      for (const projection of projections()) this.set({ projection: projection.name }, projection.state === 'leading' ? 1 : 0);
    },
  });
  const failures = new Counter({
    name: 'medfri_projection_failures_total',
    help: 'Failed attempts to apply events or reconcile builds (each is retried)',
    labelNames: ['projection'] as const,
    registers: [registry],
  });
  return { registry, countFailure: (projection) => failures.inc({ projection }) };
}
