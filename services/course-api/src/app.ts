import './http/requestContext.js';
import type { EventStore } from '@medfri/event-store';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { AccessLog } from './audit/accessLog.js';
import { authenticate } from './auth/authenticate.js';
import { createDevIssuer } from './auth/devIssuer.js';
import { createTokenVerifier } from './auth/tokenVerifier.js';
import type { Clock } from './clock.js';
import { DevIssuerInProductionError, type CourseApiConfig, type TrustedIssuerConfig } from './config.js';
import { createPatientDirectory } from './directory/patientDirectory.js';
import { apiDocsRouter } from './http/apiDocs.js';
import { buildApiRouter } from './http/apiRouter.js';
import { notFound, problemResponder } from './http/errorHandler.js';
import { buildOpenApiDocument } from './http/openApi.js';
import { rateLimitPerSubject } from './http/rateLimit.js';
import type { AnyRoute } from './http/route.js';
import { IdempotencyStore } from './idempotency/idempotencyStore.js';
import { REPLAY_HEADER } from './idempotency/withIdempotency.js';
import { operationsRouter } from './observability/operations.js';
import { createLogger } from './observability/logger.js';
import { createHttpMetrics } from './observability/metrics.js';
import { observeRequests } from './observability/requestObservation.js';
import { StreamStateCache } from './routes/streamStateCache.js';
import { apiRoutes } from './routes/apiRoutes.js';
import type { AppServices } from './services.js';
import { PersonalDataVault } from './vault/personalDataVault.js';

export interface AppDeps {
  config: CourseApiConfig;
  pool: Pool;
  eventStore: EventStore;
  clock: Clock;
  logger?: Logger;
  /** The URL this process reaches itself at: the development issuer's JWKS is fetched from it like a real one. */
  selfUrl?: string;
  /** The route table; the API's own unless a test brings its own. */
  routes?: readonly AnyRoute[];
}

const API_VERSION = '0.1.0';

/** The course API as an express app: operations endpoints, docs, the dev issuer if enabled, and the route table. */
export async function createApp(deps: AppDeps): Promise<Express> {
  const { config, pool, eventStore, clock } = deps;
  // loadConfig refuses this too; a configuration built by hand must not get past here.
  if (config.mode === 'production' && config.auth.devIssuer) throw new DevIssuerInProductionError();
  const logger = deps.logger ?? createLogger(config.logLevel);
  const services: AppServices = {
    config, pool, eventStore, clock, logger,
    vault: new PersonalDataVault(pool, config.masterKey, clock),
    directory: createPatientDirectory(pool),
    accessLog: new AccessLog(pool),
    idempotency: new IdempotencyStore(pool, clock),
    streamStates: new StreamStateCache(),
  };
  const routes = deps.routes ?? apiRoutes;
  const metrics = createHttpMetrics();

  const devIssuer = config.auth.devIssuer ? await createDevIssuer({ baseUrl: selfUrlOf(deps), audience: config.auth.audience, clock }) : null;
  const issuers: TrustedIssuerConfig[] = [...(config.auth.issuer ? [config.auth.issuer] : []), ...(devIssuer ? [devIssuer] : [])];

  const app = express();
  // ETags name stream revisions (If-Match); express's own, a hash of every body, would
  // put one on read-model answers too, which a client could take for a revision.
  app.set('etag', false);
  app.use(observeRequests(logger, metrics));
  app.use(helmet());
  app.use(cors({
    origin: config.corsOrigins,
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'],
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', REPLAY_HEADER],
  }));
  app.use(operationsRouter({ pool, eventStore, metrics }));
  app.use(apiDocsRouter(buildOpenApiDocument(routes, { title: 'Medfri course API', version: API_VERSION })));
  app.use(express.json({ limit: config.bodyLimitBytes }));
  // Before the rate limiter: the service fetches the dev JWKS from itself.
  if (devIssuer) app.use('/dev', devIssuer.router);
  app.use(authenticate(createTokenVerifier({ issuers, audience: config.auth.audience, clock })));
  app.use(rateLimitPerSubject(config.rateLimitPerMinute));
  app.use(buildApiRouter(routes, services));
  app.use(notFound);
  app.use(problemResponder(logger));
  return app;
}

function selfUrlOf(deps: AppDeps): string {
  if (!deps.selfUrl) throw new Error('The development issuer needs selfUrl: the URL where this process serves its JWKS');
  return deps.selfUrl;
}
