import { createTestDatabase } from '@medfri/test-kit/database';
import { loadConfig, DevIssuerInProductionError, type CourseApiConfig } from './config.js';
import { newIdentity } from './testing/patients.js';
import { startCourseApi } from './startCourseApi.js';

let config: CourseApiConfig;
beforeAll(async () => {
  config = loadConfig({ MEDFRI_MODE: 'test', DATABASE_URL: await createTestDatabase('start'), PORT: '0', MEDFRI_DEV_ISSUER: 'true' });
});

test('starts on a fresh database, migrates it, is ready, serves the dev issuer, and closes', async () => {
  const api = await startCourseApi(config);
  try {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    const token = await (await fetch(`${api.url}/dev/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'clinician-asgard' }),
    })).json() as { access_token: string };
    const registered = await fetch(`${api.url}/patients`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ unitId: 'unn-asgard', identity: newIdentity() }),
    });
    expect(registered.status).toBe(201);
  } finally {
    await api.close();
  }
  await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
});

test('a second start on the same database finds its migrations applied', async () => {
  const api = await startCourseApi(config);
  await api.close();
});

test('refuses a production configuration with the development issuer, however it was built', async () => {
  await expect(startCourseApi({ ...config, mode: 'production' })).rejects.toBeInstanceOf(DevIssuerInProductionError);
});
