"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startProjector = startProjector;
const event_store_1 = require("@medfri/event-store");
const postgres_migrations_1 = require("@medfri/postgres-migrations");
const pg_1 = require("pg");
const pino_1 = __importDefault(require("pino"));
const batchSender_js_1 = require("./batchSender.js");
const projectionDefinition_js_1 = require("./projectionDefinition.js");
const projectorMigrations_js_1 = require("./projectorMigrations.js");
const index_js_1 = require("./projections/index.js");
const projectorMetrics_js_1 = require("./projectorMetrics.js");
const projectionWorker_js_1 = require("./projectionWorker.js");
const sharedCatchUp_js_1 = require("./sharedCatchUp.js");
const statusServer_js_1 = require("./statusServer.js");
const DEFAULT_LINGER_MS = 20;
/**
 * Starts keeping the read models up to date: applies the projector's own migrations,
 * then runs one worker per projection, each waiting for its lock if another instance
 * holds it.
 */
async function startProjector(config) {
    const projections = config.projections ?? index_js_1.allProjections;
    projections.forEach(projectionDefinition_js_1.assertValidDefinition);
    const names = projections.map((projection) => projection.name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice)
        throw new projectionDefinition_js_1.InvalidProjectionError(twice, 'defined twice');
    const log = config.logger ?? (0, pino_1.default)({ name: 'projector' });
    const batchSize = config.batchSize ?? 500;
    const batchSizes = { min: batchSize, max: Math.max(batchSize, config.catchUpBatchSize ?? 8 * batchSize), lingerMs: config.lingerMs ?? DEFAULT_LINGER_MS };
    // Each projection feeds at most two builds at once, each with one transaction in flight.
    const pool = new pg_1.Pool({ connectionString: config.databaseUrl, max: 2 + 2 * projections.length });
    // Only the message: pg-pool hangs the whole client, connection settings included, on the error.
    pool.on('error', (error) => log.warn({ reason: error.message }, 'idle database connection failed'));
    const ownStore = config.store === undefined;
    const store = config.store ?? (0, event_store_1.createPostgresEventStore)({ connectionString: config.databaseUrl });
    const catchUp = new sharedCatchUp_js_1.SharedCatchUp(store, batchSizes.max);
    try {
        await (0, postgres_migrations_1.migrate)(pool, 'projector', projectorMigrations_js_1.projectorMigrations);
        const sender = new batchSender_js_1.BatchSender(pool);
        let workers = [];
        const statuses = () => workers.map((worker) => worker.status());
        const metrics = (0, projectorMetrics_js_1.createProjectorMetrics)(store, statuses);
        workers = projections.map((definition) => new projectionWorker_js_1.ProjectionWorker({
            pool,
            sender,
            connectionString: config.databaseUrl,
            store,
            catchUp,
            definition,
            batchSizes,
            lockRetryMs: config.lockRetryMs ?? 500,
            log,
            onFailure: metrics.countFailure,
        }));
        const server = await (0, statusServer_js_1.startStatusServer)({
            host: config.host ?? '127.0.0.1',
            port: config.port ?? 0,
            pool,
            registry: metrics.registry,
            projections: statuses,
            log,
        });
        workers.forEach((worker) => worker.start());
        log.info({ url: server.url, projections: names }, 'projector started');
        return {
            url: server.url,
            status: statuses,
            close: async () => {
                await server.close();
                await Promise.all(workers.map((worker) => worker.stop()));
                if (ownStore)
                    await store.close();
                await pool.end();
            },
        };
    }
    catch (error) {
        if (ownStore)
            await store.close();
        await pool.end();
        throw error;
    }
}
//# sourceMappingURL=projector.js.map