import { resolve } from 'node:path';
import { startEmbeddedCluster } from '@medfri/embedded-postgres';

export interface Database {
  url: string;
  /** Where the data lives, for the start-up banner. */
  description: string;
  stop(): Promise<void>;
}

/**
 * With DATABASE_URL the system uses that server. Without it, it starts its own durable
 * PostgreSQL whose files stay in a local folder across restarts.
 */
export async function openDatabase(env: NodeJS.ProcessEnv, repoRoot: string): Promise<Database> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return { url: env.DATABASE_URL, description: `external PostgreSQL at ${url.host}${url.pathname}`, stop: async () => undefined };
  }
  const dataDir = resolve(env.MEDFRI_DATA_DIR ?? resolve(repoRoot, '.data'), 'postgres');
  const port = env.MEDFRI_PG_PORT ? Number(env.MEDFRI_PG_PORT) : 54329;
  const cluster = await startEmbeddedCluster({ dataDir, port, durable: true });
  return { url: cluster.url, description: `embedded PostgreSQL on 127.0.0.1:${cluster.port}, data in ${dataDir}`, stop: cluster.stop };
}
