import { resolve } from 'node:path';
import pino from 'pino';
import { loadConfig as loadCourseApiConfig, startCourseApi } from '@medfri/course-api';
import { allProjections, loadProjectorConfig, scavengeOnMainThreadOnFewCores, startProjector } from '@medfri/projector';
import { loadGatewayConfig, startTimelineGateway } from '@medfri/timeline-gateway';
import { openDatabase } from './database.js';
import { launchEnvironment } from './launchEnvironment.js';

const repoRoot = resolve(__dirname, '..', '..', '..');

/** Starts PostgreSQL (embedded unless DATABASE_URL is set), then every service, and says where they listen. */
async function main(): Promise<void> {
  // Every service shares this process, the projector's catch-up its busiest part.
  scavengeOnMainThreadOnFewCores();
  const database = await openDatabase(process.env, repoRoot);
  const closers: Array<() => Promise<void>> = [database.stop];
  const shutdown = async (code: number) => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  try {
    const env = launchEnvironment(process.env, database.url);
    const logger = pino({ level: env.MEDFRI_LOG_LEVEL ?? 'info' });
    // The course API applies the event store's migrations and its own; the others wait for it.
    const api = await startCourseApi(loadCourseApiConfig(env), { logger: logger.child({ service: 'course-api' }) });
    closers.push(api.close);
    const projectorConfig = loadProjectorConfig(env, allProjections);
    const projector = await startProjector({ ...projectorConfig, logger: logger.child({ service: 'projector' }) });
    closers.push(projector.close);
    const gateway = await startTimelineGateway({
      ...loadGatewayConfig({ ...env, MEDFRI_DEV_ISSUER_URL: env.MEDFRI_DEV_ISSUER_URL ?? `${api.url}/dev` }),
      logger: logger.child({ service: 'timeline-gateway' }),
    });
    closers.push(gateway.close);

    const lines = [
      `PostgreSQL        ${database.description}`,
      `Course API        ${api.url}   (reference: ${api.url}/docs, OpenAPI: ${api.url}/openapi.json)`,
      `Timeline (live)   ${gateway.url}   (socket.io)`,
      `Projector         ${projector.url}/metrics`,
    ];
    if (env.MEDFRI_MODE === 'development') lines.push(`Demo users        ${api.url}/dev/users   (POST ${api.url}/dev/token to sign in)`);
    process.stdout.write(`\nmedfri is running. Stop with Ctrl+C.\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`);
  } catch (error) {
    process.stderr.write(`medfri failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown(1);
  }
}

void main();
