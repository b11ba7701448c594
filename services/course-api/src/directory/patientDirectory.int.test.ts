import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { COMPONENT, migrations } from '../db/migrations.js';
import { createPatientDirectory } from './patientDirectory.js';

let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await migrate(pool, COMPONENT, migrations);
});
afterAll(async () => {
  await pool.end();
});

const since = new Date('2026-01-05T10:00:00Z');

describe('PatientDirectory.sharedUnit', () => {
  it('finds a unit the patient is in care at, and none the patient is not at', async () => {
    const directory = createPatientDirectory(pool);
    const patientId = randomUUID();
    await directory.addToUnit(pool, patientId, 'unn-asgard', since);
    expect(await directory.sharedUnit(patientId, ['vegsund-dps', 'unn-asgard'])).toBe('unn-asgard');
    expect(await directory.sharedUnit(patientId, ['vegsund-dps'])).toBeUndefined();
    expect(await directory.sharedUnit(randomUUID(), ['unn-asgard'])).toBeUndefined();
  });

  it('answers a remembered unit without a query and still finds a unit added since by another process', async () => {
    const directory = createPatientDirectory(pool);
    const other = createPatientDirectory(pool);
    const patientId = randomUUID();
    await directory.addToUnit(pool, patientId, 'unn-asgard', since);
    expect(await directory.sharedUnit(patientId, ['unn-asgard'])).toBe('unn-asgard');
    const queries = jest.spyOn(pool, 'query');
    expect(await directory.sharedUnit(patientId, ['unn-asgard'])).toBe('unn-asgard');
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
    await other.addToUnit(pool, patientId, 'vegsund-dps', since);
    expect(await directory.sharedUnit(patientId, ['vegsund-dps'])).toBe('vegsund-dps');
  });

  it('remembers nothing of an addition whose transaction rolled back', async () => {
    const directory = createPatientDirectory(pool);
    const patientId = randomUUID();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await directory.addToUnit(client, patientId, 'unn-asgard', since);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await directory.sharedUnit(patientId, ['unn-asgard'])).toBeUndefined();
  });
});
