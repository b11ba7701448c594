import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Creates an empty database on the run's throwaway cluster (started by the jest
 * globalSetup), so each test file starts from nothing and files can run in parallel.
 */
export async function createTestDatabase(prefix = 't'): Promise<string> {
  const base = process.env.MEDFRI_TEST_DATABASE_URL;
  if (!base) throw new Error('No test cluster: use the jest config from @medfri/test-kit with { postgres: true }');
  const name = `${prefix}_${randomUUID().replace(/-/g, '')}`.toLowerCase();
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
