import { ConfigError, loadConfig } from './config.js';
import { startCourseApi } from './startCourseApi.js';

// sysexits.h EX_CONFIG: supervisors can tell "fix the configuration" from a crash.
const EXIT_CONFIG = 78;

async function main(): Promise<void> {
  const config = loadConfig();
  const api = await startCourseApi(config);
  const stop = () => {
    api.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(EXIT_CONFIG);
  }
  console.error('course-api failed to start:', error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
