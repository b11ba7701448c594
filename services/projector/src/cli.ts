#!/usr/bin/env node
import { Pool } from 'pg';
import pino from 'pino';
import { loadProjectorConfig } from './config.js';
import { loadBuilds } from './projectionBuilds.js';
import { scavengeOnMainThreadOnFewCores } from './fewCoresGc.js';
import { allProjections } from './projections/index.js';
import { startProjector } from './projector.js';
import { requestRebuild } from './requestRebuild.js';

const USAGE = `usage: medfri-projector <command>
  run                    keep the read models up to date (until SIGTERM or SIGINT)
  rebuild <projection>   rebuild a projection from position 0 into fresh tables; the running
                         projector switches the views over once it has caught up
  status                 the builds of every projection and how far each is
projections: ${allProjections.map((projection) => projection.name).join(', ')}`;

async function main(args: readonly string[]): Promise<number> {
  const [command = 'run', argument] = args;
  const config = loadProjectorConfig(process.env, allProjections);
  if (command === 'run') {
    scavengeOnMainThreadOnFewCores();
    const logger = pino({ name: 'projector', level: process.env.MEDFRI_LOG_LEVEL ?? 'info' });
    const projector = await startProjector({ ...config, logger });
    await new Promise((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await projector.close();
    return 0;
  }
  const definition = allProjections.find((projection) => projection.name === argument);
  if (command === 'rebuild' && definition) {
    const pool = new Pool({ connectionString: config.databaseUrl, max: 1 });
    try {
      const build = await requestRebuild(pool, definition);
      process.stdout.write(`${definition.name}: build ${build.buildId} (version ${build.version}) created in schema ${build.schemaName}, ${build.status}\n`);
    } finally {
      await pool.end();
    }
    return 0;
  }
  if (command === 'status') {
    const pool = new Pool({ connectionString: config.databaseUrl, max: 1 });
    try {
      for (const projection of allProjections) {
        const builds = await loadBuilds(pool, projection.name).catch(() => []);
        const described = builds.map((build) => `build ${build.buildId} v${build.version} ${build.status} at ${build.checkpoint}`);
        process.stdout.write(`${projection.name} (v${projection.version}): ${described.join('; ') || 'not built yet'}\n`);
      }
    } finally {
      await pool.end();
    }
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
