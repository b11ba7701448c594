import { isMigrated } from '@medfri/postgres-migrations';
import type { EventStore } from '@medfri/event-store';
import { Router } from 'express';
import type { Pool } from 'pg';
import { COMPONENT, migrations } from '../db/migrations.js';
import { ProblemError } from '../http/problem.js';
import type { HttpMetrics } from './metrics.js';

/**
 * `/healthz`: the process answers. `/readyz`: it can serve (database reachable, its
 * migrations applied, the event store answering). `/metrics`: Prometheus.
 */
export function operationsRouter(deps: { pool: Pool; eventStore: EventStore; metrics: HttpMetrics }): Router {
  const router = Router();
  router.get('/healthz', (req, res) => {
    req.routeTemplate = '/healthz';
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    req.routeTemplate = '/readyz';
    const notReady = (detail: string) => new ProblemError('unavailable', detail, {}, { 'Retry-After': '5' });
    const migrated = await isMigrated(deps.pool, COMPONENT, migrations).catch(() => {
      throw notReady('The database cannot be reached');
    });
    if (!migrated) throw notReady('Database migrations are not applied yet');
    // Whatever the adapter, a store that cannot tell its head position cannot serve.
    await deps.eventStore.headPosition().catch(() => {
      throw notReady('The event store is not answering');
    });
    res.json({ status: 'ready' });
  });
  router.get('/metrics', async (req, res) => {
    req.routeTemplate = '/metrics';
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
