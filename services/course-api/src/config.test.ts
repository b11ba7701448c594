import { ConfigError, DevIssuerInProductionError, loadConfig } from './config.js';

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/medfri',
  MEDFRI_AUTH_ISSUER: 'https://idp.example',
  MEDFRI_AUTH_JWKS_URL: 'https://idp.example/jwks',
};
const productionKey = Buffer.alloc(32, 7).toString('base64');

test('development defaults: dev issuer on, a fixed dev master key, loopback host', () => {
  const config = loadConfig({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: 'development' });
  expect(config.mode).toBe('development');
  expect(config.auth.devIssuer).toBe(true);
  expect(config.auth.issuer).toBeNull();
  expect(config.masterKey).toHaveLength(32);
  expect(config.host).toBe('127.0.0.1');
  expect(loadConfig({ DATABASE_URL: base.DATABASE_URL }).masterKey).toEqual(config.masterKey);
});

test('MEDFRI_MODE wins over NODE_ENV, and the dev issuer is off by default outside development', () => {
  const config = loadConfig({ ...base, NODE_ENV: 'development', MEDFRI_MODE: 'test' });
  expect(config.mode).toBe('test');
  expect(config.auth.devIssuer).toBe(false);
  expect(config.logLevel).toBe('silent');
});

test('production with the dev issuer enabled refuses to start with a typed error', () => {
  const attempt = () => loadConfig({ ...base, NODE_ENV: 'production', MEDFRI_MASTER_KEY: productionKey, MEDFRI_DEV_ISSUER: 'true' });
  expect(attempt).toThrow(DevIssuerInProductionError);
  expect(attempt).toThrow(ConfigError);
});

test('production requires a master key and a real issuer', () => {
  expect(() => loadConfig({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: 'production' })).toThrow(
    expect.objectContaining({
      problems: [expect.stringMatching(/^MEDFRI_AUTH_ISSUER/), expect.stringMatching(/^MEDFRI_MASTER_KEY/)],
    }),
  );
  const config = loadConfig({ ...base, NODE_ENV: 'production', MEDFRI_MASTER_KEY: productionKey });
  expect(config.masterKey).toEqual(Buffer.alloc(32, 7));
  expect(config.auth.issuer).toEqual({ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks' });
  expect(config.host).toBe('0.0.0.0');
});

test('bad values are all reported at once, naming the variable but never echoing the value', () => {
  const secret = Buffer.alloc(16, 1).toString('base64');
  let error: unknown;
  try {
    loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', MEDFRI_MASTER_KEY: secret, MEDFRI_CORS_ORIGINS: 'https://ok.example, not a url' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  for (const name of ['DATABASE_URL', 'PORT', 'MEDFRI_MASTER_KEY', 'MEDFRI_CORS_ORIGINS']) expect(message).toContain(name);
  expect(message).not.toContain(secret);
});

test('an issuer needs its JWKS URL', () => {
  expect(() => loadConfig({ DATABASE_URL: base.DATABASE_URL, MEDFRI_AUTH_ISSUER: 'https://idp.example', MEDFRI_DEV_ISSUER: 'false' }))
    .toThrow(/set both or neither/);
});

test('parses CORS origins, limits and flags', () => {
  const config = loadConfig({
    ...base,
    MEDFRI_MODE: 'test',
    MEDFRI_CORS_ORIGINS: 'https://a.example, https://b.example',
    MEDFRI_BODY_LIMIT_BYTES: '2048',
    MEDFRI_RATE_LIMIT_PER_MINUTE: '10',
    MEDFRI_DEV_ISSUER: '1',
    PORT: '0',
  });
  expect(config).toMatchObject({
    corsOrigins: ['https://a.example', 'https://b.example'],
    bodyLimitBytes: 2048,
    rateLimitPerMinute: 10,
    port: 0,
    auth: { devIssuer: true, audience: 'medfri-course-api' },
  });
});
