"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
exports.loadProjectorConfig = loadProjectorConfig;
const zod_1 = require("zod");
/** The configuration cannot be used; the message names each variable and what is wrong, never a value. */
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        this.problems = problems;
        this.name = new.target.name;
    }
}
exports.ConfigError = ConfigError;
const positiveInt = zod_1.z.coerce.number().int().positive();
const envSchema = zod_1.z.object({
    DATABASE_URL: zod_1.z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
    MEDFRI_HOST: zod_1.z.string().min(1).default('127.0.0.1'),
    MEDFRI_PROJECTOR_PORT: zod_1.z.coerce.number().int().min(0).max(65535).default(9464),
    MEDFRI_PROJECTOR_BATCH_SIZE: positiveInt.default(500),
    MEDFRI_PROJECTOR_CATCH_UP_BATCH_SIZE: positiveInt.optional(),
    MEDFRI_PROJECTOR_LOCK_RETRY_MS: positiveInt.default(500),
    MEDFRI_PROJECTOR_LINGER_MS: zod_1.z.coerce.number().int().min(0).max(1000).optional(),
    /** Comma-separated names; all projections when unset. */
    MEDFRI_PROJECTIONS: zod_1.z.string().optional(),
});
/** Reads the projector's configuration from the environment; throws a ConfigError listing every problem. */
function loadProjectorConfig(env, available) {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success)
        throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    const values = parsed.data;
    const wanted = values.MEDFRI_PROJECTIONS?.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = wanted?.filter((name) => !available.some((projection) => projection.name === name)) ?? [];
    if (unknown.length > 0)
        throw new ConfigError([`MEDFRI_PROJECTIONS: unknown projection(s) ${unknown.join(', ')}`]);
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
//# sourceMappingURL=config.js.map