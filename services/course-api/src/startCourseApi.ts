import { createPostgresEventStore, migrateEventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import type { CourseApiConfig } from './config.js';
import { COMPONENT, migrations } from './db/migrations.js';
import { createLogger } from './observability/logger.js';
import { listen, type RunningServer } from './server.js';

/**
 * The whole service: connects to PostgreSQL, applies its own and the event store's
 * migrations, and serves. `close()` stops accepting requests, then releases the database.
 */
export async function startCourseApi(config: CourseApiConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const pool = new Pool({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  // An idle connection that drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ code: (error as { code?: unknown }).code }, 'idle database connection lost'));
  let server: RunningServer;
  const eventStore = createPostgresEventStore({ pool });
  try {
    await migrate(pool, COMPONENT, migrations);
    await migrateEventStore(pool);
    server = await listen(config.host, config.port, (selfUrl) => createApp({ config, pool, eventStore, clock, logger, selfUrl }));
  } catch (error) {
    await eventStore.close();
    await pool.end();
    throw error;
  }
  logger.info({ url: server.url, mode: config.mode, devIssuer: config.auth.devIssuer }, 'course-api listening');
  return {
    url: server.url,
    async close() {
      await server.close();
      await eventStore.close();
      await pool.end();
    },
  };
}
