#!/usr/bin/env node
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const pg_1 = require("pg");
const pino_1 = __importDefault(require("pino"));
const config_js_1 = require("./config.js");
const projectionBuilds_js_1 = require("./projectionBuilds.js");
const index_js_1 = require("./projections/index.js");
const projector_js_1 = require("./projector.js");
const requestRebuild_js_1 = require("./requestRebuild.js");
const USAGE = `usage: medfri-projector <command>
  run                    keep the read models up to date (until SIGTERM or SIGINT)
  rebuild <projection>   rebuild a projection from position 0 into fresh tables; the running
                         projector switches the views over once it has caught up
  status                 the builds of every projection and how far each is
projections: ${index_js_1.allProjections.map((projection) => projection.name).join(', ')}`;
async function main(args) {
    const [command = 'run', argument] = args;
    const config = (0, config_js_1.loadProjectorConfig)(process.env, index_js_1.allProjections);
    if (command === 'run') {
        const logger = (0, pino_1.default)({ name: 'projector', level: process.env.MEDFRI_LOG_LEVEL ?? 'info' });
        const projector = await (0, projector_js_1.startProjector)({ ...config, logger });
        await new Promise((resolve) => {
            process.once('SIGTERM', resolve);
            process.once('SIGINT', resolve);
        });
        await projector.close();
        return 0;
    }
    const definition = index_js_1.allProjections.find((projection) => projection.name === argument);
    if (command === 'rebuild' && definition) {
        const pool = new pg_1.Pool({ connectionString: config.databaseUrl, max: 1 });
        try {
            const build = await (0, requestRebuild_js_1.requestRebuild)(pool, definition);
            process.stdout.write(`${definition.name}: build ${build.buildId} (version ${build.version}) created in schema ${build.schemaName}, ${build.status}\n`);
        }
        finally {
            await pool.end();
        }
        return 0;
    }
    if (command === 'status') {
        const pool = new pg_1.Pool({ connectionString: config.databaseUrl, max: 1 });
        try {
            for (const projection of index_js_1.allProjections) {
                const builds = await (0, projectionBuilds_js_1.loadBuilds)(pool, projection.name).catch(() => []);
                const described = builds.map((build) => `build ${build.buildId} v${build.version} ${build.status} at ${build.checkpoint}`);
                process.stdout.write(`${projection.name} (v${projection.version}): ${described.join('; ') || 'not built yet'}\n`);
            }
        }
        finally {
            await pool.end();
        }
        return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=cli.js.map