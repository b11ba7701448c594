import { createHash } from 'node:crypto';
import { z } from 'zod';

export type Mode = 'development' | 'production' | 'test';

export interface TrustedIssuerConfig {
  issuer: string;
  jwksUrl: string;
}

export interface CourseApiConfig {
  mode: Mode;
  host: string;
  port: number;
  databaseUrl: string;
  auth: {
    audience: string;
    /** The real identity provider, or null when only the development issuer is used. */
    issuer: TrustedIssuerConfig | null;
    devIssuer: boolean;
  };
  /** 32 bytes; every vault key is derived from or wrapped by it. */
  masterKey: Buffer;
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: string;
}

/** The configuration cannot be used; the message names each variable and what is wrong, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = new.target.name;
  }
}

/** Tokens anyone can mint must never be trusted by a production process. */
export class DevIssuerInProductionError extends ConfigError {
  constructor() {
    super(['MEDFRI_DEV_ISSUER: the development issuer cannot be enabled in production mode']);
  }
}

// Not a secret: it only lets a laptop start without setup. Production requires a real key.
const DEVELOPMENT_MASTER_KEY = createHash('sha256').update('medfri development master key (not secret)').digest();

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  MEDFRI_MODE: z.enum(['development', 'production', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  MEDFRI_HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  MEDFRI_AUTH_ISSUER: z.string().min(1).optional(),
  MEDFRI_AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  MEDFRI_AUTH_AUDIENCE: z.string().min(1).default('medfri-course-api'),
  MEDFRI_DEV_ISSUER: flag.optional(),
  MEDFRI_MASTER_KEY: z.base64({ error: 'must be base64' })
    .transform((value) => Buffer.from(value, 'base64'))
    .refine((key) => key.length === 32, 'must decode to exactly 32 bytes')
    .optional(),
  MEDFRI_CORS_ORIGINS: z.string().default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'each origin must be a URL' }))),
  MEDFRI_BODY_LIMIT_BYTES: positiveInt.default(100 * 1024),
  MEDFRI_RATE_LIMIT_PER_MINUTE: positiveInt.default(300),
  MEDFRI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

const modeSchema = z.enum(['development', 'production', 'test']);

/** Reads the configuration from the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): CourseApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const mode = modeSchema.safeParse(values.MEDFRI_MODE ?? values.NODE_ENV ?? 'development');
  if (!mode.success) throw new ConfigError(['NODE_ENV: must be development, production or test (or set MEDFRI_MODE)']);

  const devIssuer = values.MEDFRI_DEV_ISSUER ?? mode.data === 'development';
  if (mode.data === 'production' && devIssuer) throw new DevIssuerInProductionError();

  const problems: string[] = [];
  if (Boolean(values.MEDFRI_AUTH_ISSUER) !== Boolean(values.MEDFRI_AUTH_JWKS_URL)) {
    problems.push('MEDFRI_AUTH_ISSUER and MEDFRI_AUTH_JWKS_URL: set both or neither');
  }
  if (!values.MEDFRI_AUTH_ISSUER && !devIssuer) {
    problems.push('MEDFRI_AUTH_ISSUER: no token issuer configured (set it with MEDFRI_AUTH_JWKS_URL, or enable MEDFRI_DEV_ISSUER outside production)');
  }
  if (mode.data === 'production' && !values.MEDFRI_MASTER_KEY) {
    problems.push('MEDFRI_MASTER_KEY: required in production (base64 of 32 random bytes)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: mode.data,
    host: values.MEDFRI_HOST ?? (mode.data === 'production' ? '0.0.0.0' : '127.0.0.1'),
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    auth: {
      audience: values.MEDFRI_AUTH_AUDIENCE,
      issuer: values.MEDFRI_AUTH_ISSUER && values.MEDFRI_AUTH_JWKS_URL
        ? { issuer: values.MEDFRI_AUTH_ISSUER, jwksUrl: values.MEDFRI_AUTH_JWKS_URL }
        : null,
      devIssuer,
    },
    masterKey: values.MEDFRI_MASTER_KEY ?? DEVELOPMENT_MASTER_KEY,
    corsOrigins: values.MEDFRI_CORS_ORIGINS,
    bodyLimitBytes: values.MEDFRI_BODY_LIMIT_BYTES,
    rateLimitPerMinute: values.MEDFRI_RATE_LIMIT_PER_MINUTE,
    logLevel: values.MEDFRI_LOG_LEVEL ?? (mode.data === 'test' ? 'silent' : 'info'),
  };
}
