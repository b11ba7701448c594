import { z } from 'zod';
import type { ProjectionDefinition } from './projectionDefinition.js';
import type { ProjectorConfig } from './projector.js';

/** The configuration cannot be used; the message names each variable and what is wrong, never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = new.target.name;
  }
}

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  MEDFRI_HOST: z.string().min(1).default('127.0.0.1'),
  MEDFRI_PROJECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  MEDFRI_PROJECTOR_BATCH_SIZE: positiveInt.default(500),
  MEDFRI_PROJECTOR_CATCH_UP_BATCH_SIZE: positiveInt.optional(),
  MEDFRI_PROJECTOR_LOCK_RETRY_MS: positiveInt.default(500),
  MEDFRI_PROJECTOR_LINGER_MS: z.coerce.number().int().min(0).max(1000).optional(),
  /** Comma-separated names; all projections when unset. */
  MEDFRI_PROJECTIONS: z.string().optional(),
});

/** Reads the projector's configuration from the environment; throws a ConfigError listing every problem. */
export function loadProjectorConfig(
  env: Record<string, string | undefined>,
  available: readonly ProjectionDefinition[],
): Omit<ProjectorConfig, 'logger' | 'store'> & { projections: readonly ProjectionDefinition[] } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const values = parsed.data;
  const wanted = values.MEDFRI_PROJECTIONS?.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = wanted?.filter((name) => !available.some((projection) => projection.name === name)) ?? [];
  if (unknown.length > 0) throw new ConfigError([`MEDFRI_PROJECTIONS: unknown projection(s) ${unknown.join(', ')}`]);
  return {
    databaseUrl: values.DATABASE_URL,
    host: values.MEDFRI_HOST,
    port: values.MEDFRI_PROJECTOR_PORT,
    batchSize: values.MEDFRI_PROJECTOR_BATCH_SIZE,
    catchUpBatchSize: values.MEDFRI_PROJECTOR_CATCH_UP_BATCH_SIZE,
    lockRetryMs: values.MEDFRI_PROJECTOR_LOCK_RETRY_MS,
    lingerMs: values.MEDFRI_PROJECTOR_LINGER_MS,
    projections: wanted ? available.filter((projection) => wanted.includes(projection.name)) : available,
  };
}
