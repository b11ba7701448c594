import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster, type EmbeddedCluster } from './embeddedCluster.js';

/**
 * A cluster in a fresh temporary folder, for benchmarks: `stop()` removes the folder,
 * and so does an interrupt (SIGINT, SIGTERM) while it runs, so no run leaves gigabytes
 * behind. Durable (fsync on) unless asked otherwise: benchmarks measure what production does.
 */
export async function startTemporaryCluster(options: { prefix: string; durable?: boolean }): Promise<EmbeddedCluster> {
  const dir = mkdtempSync(join(tmpdir(), `${options.prefix}-`));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  const cluster = await startEmbeddedCluster({ dataDir: join(dir, 'data'), durable: options.durable ?? true }).catch((error: unknown) => {
    removeDir();
    throw error;
  });
  const interrupted = (): void => {
    void cluster.stop().finally(() => {
      removeDir();
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  return {
    ...cluster,
    async stop() {
      process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
      await cluster.stop().catch(() => undefined);
      removeDir();
    },
  };
}
