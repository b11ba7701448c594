import { createPostgresEventStore, type EventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { Pool } from 'pg';
import pino, { type Logger } from 'pino';
import { BatchSender } from './batchSender.js';
import { assertValidDefinition, InvalidProjectionError, type ProjectionDefinition } from './projectionDefinition.js';
import { projectorMigrations } from './projectorMigrations.js';
import { allProjections } from './projections/index.js';
import { createProjectorMetrics } from './projectorMetrics.js';
import { ProjectionWorker, type ProjectionStatus } from './projectionWorker.js';
import { SharedCatchUp } from './sharedCatchUp.js';
import { startStatusServer } from './statusServer.js';

const DEFAULT_LINGER_MS = 20;

export interface ProjectorConfig {
  /** Where the read models, their registry and checkpoints live. */
  databaseUrl: string;
  /** The store to follow; by default the PostgreSQL store in the same database. */
  store?: EventStore;
  projections?: readonly ProjectionDefinition[];
  /** Of the `/metrics` and `/healthz` endpoint; port 0 picks a free one. */
  host?: string;
  port?: number;
  /** Most events applied in one transaction at the head (default 500). */
  batchSize?: number;
  /**
   * Most events applied in one transaction while catching up (default 8 × batchSize), and
   * the page size of catch-up reads: batches grow towards it while they come full.
   */
  catchUpBatchSize?: number;
  /** How long a batch at the head waits for more events (default 20 ms): fewer, larger transactions under load. */
  lingerMs?: number;
  /** How often a waiting instance tries to take over a projection. */
  lockRetryMs?: number;
  logger?: Logger;
}

export interface Projector {
  /** Base URL of `/metrics` and `/healthz`. */
  url: string;
  status(): ProjectionStatus[];
  close(): Promise<void>;
}

/**
 * Starts keeping the read models up to date: applies the projector's own migrations,
 * then runs one worker per projection, each waiting for its lock if another instance
 * holds it.
 */
export async function startProjector(config: ProjectorConfig): Promise<Projector> {
  const projections = config.projections ?? allProjections;
  projections.forEach(assertValidDefinition);
  const names = projections.map((projection) => projection.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new InvalidProjectionError(twice, 'defined twice');

  const log = config.logger ?? pino({ name: 'projector' });
  const batchSize = config.batchSize ?? 500;
  const batchSizes = { min: batchSize, max: Math.max(batchSize, config.catchUpBatchSize ?? 8 * batchSize), lingerMs: config.lingerMs ?? DEFAULT_LINGER_MS };
  // Each projection feeds at most two builds at once, each with one transaction in flight.
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2 + 2 * projections.length });
  // Only the message: pg-pool hangs the whole client, connection settings included, on the error.
  pool.on('error', (error) => log.warn({ reason: error.message }, 'idle database connection failed'));
  const ownStore = config.store === undefined;
  const store = config.store ?? createPostgresEventStore({ connectionString: config.databaseUrl });
  const catchUp = new SharedCatchUp(store, batchSizes.max);
  try {
    await migrate(pool, 'projector', projectorMigrations);
    const sender = new BatchSender(pool);
    let workers: ProjectionWorker[] = [];
    const statuses = () => workers.map((worker) => worker.status());
    const metrics = createProjectorMetrics(store, statuses);
    workers = projections.map((definition) => new ProjectionWorker({
      pool,
      sender,
      connectionString: config.databaseUrl,
      store,
      catchUp,
      // Started together: they catch up together (see SharedCatchUp.expect).
      expected: catchUp.expect(),
      definition,
      batchSizes,
      lockRetryMs: config.lockRetryMs ?? 500,
      log,
      onFailure: metrics.countFailure,
    }));
    const server = await startStatusServer({
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
        if (ownStore) await store.close();
        await pool.end();
      },
    };
  } catch (error) {
    if (ownStore) await store.close();
    await pool.end();
    throw error;
  }
}
