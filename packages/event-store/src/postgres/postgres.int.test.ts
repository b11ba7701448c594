import { Pool } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';
import { describeEventStoreConformance } from '../conformance/eventStoreConformance.js';
import { createPostgresEventStore } from './postgresEventStore.js';
import { migrateEventStore } from './migrations.js';

let database: Promise<string> | undefined;

/** One database for the whole suite, migrated once; every fixture is a new store on it. */
function migratedDatabase(): Promise<string> {
  database ??= (async () => {
    const url = await createTestDatabase('es');
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      await migrateEventStore(pool);
    } finally {
      await pool.end();
    }
    return url;
  })();
  return database;
}

describeEventStoreConformance('PostgreSQL', async () => ({
  store: createPostgresEventStore({ connectionString: await migratedDatabase() }),
}));
