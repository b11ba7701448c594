import type { TrustedIssuer } from '@medfri/auth';
import { z } from 'zod';
import type { TimelineGatewayConfig } from './timelineGateway.js';

/** The configuration cannot be used; the message names each variable and what is wrong, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = new.target.name;
  }
}

const envSchema = z.object({
  MEDFRI_MODE: z.enum(['development', 'production', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  MEDFRI_HOST: z.string().min(1).optional(),
  MEDFRI_TIMELINE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  MEDFRI_AUTH_ISSUER: z.string().min(1).optional(),
  MEDFRI_AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  MEDFRI_AUTH_AUDIENCE: z.string().min(1).default('medfri-course-api'),
  /** The course API's development issuer (`<course API URL>/dev`); never in production. */
  MEDFRI_DEV_ISSUER_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  MEDFRI_CORS_ORIGINS: z.string().default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'each origin must be a URL' }))),
});

/** Reads the gateway's configuration from the environment (the course API's variable names); lists every problem at once. */
export function loadGatewayConfig(env: Record<string, string | undefined>): Omit<TimelineGatewayConfig, 'logger'> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const values = parsed.data;
  const production = (values.MEDFRI_MODE ?? values.NODE_ENV) === 'production';
  const problems: string[] = [];
  if (Boolean(values.MEDFRI_AUTH_ISSUER) !== Boolean(values.MEDFRI_AUTH_JWKS_URL)) {
    problems.push('MEDFRI_AUTH_ISSUER and MEDFRI_AUTH_JWKS_URL: set both or neither');
  }
  if (production && values.MEDFRI_DEV_ISSUER_URL) problems.push('MEDFRI_DEV_ISSUER_URL: the development issuer cannot be trusted in production');
  const issuers: TrustedIssuer[] = [];
  if (values.MEDFRI_AUTH_ISSUER && values.MEDFRI_AUTH_JWKS_URL) issuers.push({ issuer: values.MEDFRI_AUTH_ISSUER, jwksUrl: values.MEDFRI_AUTH_JWKS_URL });
  if (values.MEDFRI_DEV_ISSUER_URL && !production) {
    const devIssuer = values.MEDFRI_DEV_ISSUER_URL.replace(/\/$/, '');
    issuers.push({ issuer: devIssuer, jwksUrl: `${devIssuer}/.well-known/jwks.json` });
  }
  if (issuers.length === 0 && problems.length === 0) problems.push('MEDFRI_AUTH_ISSUER: no token issuer configured (or MEDFRI_DEV_ISSUER_URL outside production)');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    databaseUrl: values.DATABASE_URL,
    host: values.MEDFRI_HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: values.MEDFRI_TIMELINE_PORT,
    auth: { audience: values.MEDFRI_AUTH_AUDIENCE, issuers },
    corsOrigins: values.MEDFRI_CORS_ORIGINS,
  };
}
