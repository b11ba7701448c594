"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createProjectorMetrics = createProjectorMetrics;
const prom_client_1 = require("prom-client");
/**
 * The projector's Prometheus metrics. Lag (head position minus checkpoint) per fed
 * build is computed when scraped, so it is exact at that moment and costs nothing
 * in between.
 */
function createProjectorMetrics(store, projections) {
    const registry = new prom_client_1.Registry();
    (0, prom_client_1.collectDefaultMetrics)({ register: registry });
    new prom_client_1.Gauge({
        name: 'medfri_projection_lag_events',
        help: 'Events in the store not yet applied to the build (head position minus checkpoint)',
        labelNames: ['projection', 'build'],
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
    new prom_client_1.Gauge({
        name: 'medfri_projection_checkpoint',
        help: 'Global position of the last event applied to the build',
        labelNames: ['projection', 'build'],
        registers: [registry],
        collect() {
            this.reset();
            for (const projection of projections()) {
                for (const build of projection.builds)
                    this.set({ projection: projection.name, build: build.status }, build.checkpoint);
            }
        },
    });
    new prom_client_1.Gauge({
        name: 'medfri_projection_leading',
        help: '1 while this instance holds the projection, 0 while it waits for another instance',
        labelNames: ['projection'],
        registers: [registry],
        collect() {
            for (const projection of projections())
                this.set({ projection: projection.name }, projection.state === 'leading' ? 1 : 0);
        },
    });
    const failures = new prom_client_1.Counter({
        name: 'medfri_projection_failures_total',
        help: 'Failed attempts to apply events or reconcile builds (each is retried)',
        labelNames: ['projection'],
        registers: [registry],
    });
    return { registry, countFailure: (projection) => failures.inc({ projection }) };
}
//# sourceMappingURL=projectorMetrics.js.map