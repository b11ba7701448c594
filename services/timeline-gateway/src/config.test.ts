import { ConfigError, loadGatewayConfig } from './config.js';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/medfri' };

test('trusts the configured issuer and, outside production, the course API\'s development issuer', () => {
  const config = loadGatewayConfig({
    ...base,
    MEDFRI_AUTH_ISSUER: 'https://idp.example', MEDFRI_AUTH_JWKS_URL: 'https://idp.example/jwks',
    MEDFRI_DEV_ISSUER_URL: 'http://127.0.0.1:3000/dev/',
  });
  expect(config.auth).toEqual({
    audience: 'medfri-course-api',
    issuers: [
      { issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks' },
      { issuer: 'http://127.0.0.1:3000/dev', jwksUrl: 'http://127.0.0.1:3000/dev/.well-known/jwks.json' },
    ],
  });
  expect(config).toMatchObject({ host: '127.0.0.1', port: 3001, corsOrigins: [] });
});

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadGatewayConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

test('lists every problem at once and never trusts the development issuer in production', () => {
  expect(problems({ ...base, NODE_ENV: 'production', MEDFRI_DEV_ISSUER_URL: 'http://x/dev', MEDFRI_AUTH_ISSUER: 'i' })).toEqual([
    'MEDFRI_AUTH_ISSUER and MEDFRI_AUTH_JWKS_URL: set both or neither',
    'MEDFRI_DEV_ISSUER_URL: the development issuer cannot be trusted in production',
  ]);
  expect(problems(base)).toEqual(['MEDFRI_AUTH_ISSUER: no token issuer configured (or MEDFRI_DEV_ISSUER_URL outside production)']);
  expect(problems({})).toEqual(['DATABASE_URL: must be a postgres:// URL']);
});
