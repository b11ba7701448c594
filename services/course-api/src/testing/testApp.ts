import { randomBytes } from 'node:crypto';
import { startProjector, type Projector } from '@medfri/projector';
import { createPostgresEventStore, migrateEventStore, type EventStore } from '@medfri/event-store';
import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { pino, type Logger } from 'pino';
import request from 'supertest';
import { createApp } from '../app.js';
import { loadConfig, type CourseApiConfig } from '../config.js';
import { COMPONENT, migrations } from '../db/migrations.js';
import type { AnyRoute } from '../http/route.js';
import { listen } from '../server.js';
import { projectorCaughtUp } from './projectorCaughtUp.js';
import { createTestClock, type TestClock } from './testClock.js';
import { startTestIssuer, type TestIssuer, type TestUser } from './testIssuer.js';

export interface TestApp {
  url: string;
  pool: Pool;
  eventStore: EventStore;
  clock: TestClock;
  issuer: TestIssuer;
  config: CourseApiConfig;
  /** Present when started with `projector: true`. */
  projector: Projector | undefined;
  http(): ReturnType<typeof request>;
  /** `Authorization` header value for the user. */
  bearer(user: TestUser): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  routes?: readonly AnyRoute[];
  logger?: Logger;
  /** Point the app at another database (e.g. an unreachable one); migrations are then skipped. */
  databaseUrl?: string;
  /** Also run the projector in-process, so the read models the queries read exist and follow the store. */
  projector?: boolean;
}

/**
 * The real app on a fresh database, listening on a loopback port, with a test identity
 * provider and a hand-set clock. One per test file: tests in it share the database.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = createTestClock();
  const issuer = await startTestIssuer(clock);
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase('course_api'));
  const config = loadConfig({
    MEDFRI_MODE: 'test',
    DATABASE_URL: databaseUrl,
    MEDFRI_AUTH_ISSUER: issuer.issuer,
    MEDFRI_AUTH_JWKS_URL: issuer.jwksUrl,
    MEDFRI_MASTER_KEY: randomBytes(32).toString('base64'),
    MEDFRI_RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  });
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  pool.on('error', () => undefined);
  if (!options.databaseUrl) {
    await migrate(pool, COMPONENT, migrations);
    await migrateEventStore(pool);
  }
  const eventStore = createPostgresEventStore({ pool });
  const projector = options.projector ? await startProjector({ databaseUrl, logger: pino({ level: 'silent' }) }) : undefined;
  // The read models' views exist once each projection has its first active build.
  if (projector) await projectorCaughtUp(projector, eventStore);
  const server = await listen('127.0.0.1', 0, (selfUrl) =>
    createApp({ config, pool, eventStore, clock, selfUrl, routes: options.routes, logger: options.logger }));
  return {
    url: server.url,
    pool,
    eventStore,
    clock,
    issuer,
    config,
    projector,
    http: () => request(server.url),
    bearer: async (user) => `Bearer ${await issuer.token(user)}`,
    async close() {
      await server.close();
      await projector?.close();
      await eventStore.close();
      await pool.end();
      await issuer.close();
    },
  };
}
