import type { ProjectionDefinition } from './projectionDefinition.js';
import type { ProjectorConfig } from './projector.js';
/** The configuration cannot be used; the message names each variable and what is wrong, never a value. */
export declare class ConfigError extends Error {
    readonly problems: readonly string[];
    constructor(problems: readonly string[]);
}
/** Reads the projector's configuration from the environment; throws a ConfigError listing every problem. */
export declare function loadProjectorConfig(env: Record<string, string | undefined>, available: readonly ProjectionDefinition[]): Omit<ProjectorConfig, 'logger' | 'store'> & {
    projections: readonly ProjectionDefinition[];
};
//# sourceMappingURL=config.d.ts.map