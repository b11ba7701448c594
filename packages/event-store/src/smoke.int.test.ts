import { Client } from 'pg';
import { createTestDatabase } from '@medfri/test-kit/database';

test('a fresh database on the throwaway cluster answers', async () => {
  const client = new Client({ connectionString: await createTestDatabase() });
  await client.connect();
  const result = await client.query<{ v: string }>('SELECT current_setting($$server_version$$) AS v');
  await client.end();
  expect(result.rows[0]?.v).toMatch(/^18\./);
});
