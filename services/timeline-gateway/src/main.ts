import pino from 'pino';
import { loadGatewayConfig } from './config.js';
import { startTimelineGateway } from './timelineGateway.js';

async function main(): Promise<void> {
  const logger = pino({ name: 'timeline-gateway', level: process.env.MEDFRI_LOG_LEVEL ?? 'info' });
  const gateway = await startTimelineGateway({ ...loadGatewayConfig(process.env), logger });
  await new Promise((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await gateway.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
