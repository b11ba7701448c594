"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BuildInProgressError = void 0;
exports.createBuild = createBuild;
const pg_1 = require("pg");
const projectionBuilds_js_1 = require("./projectionBuilds.js");
const readModelViews_js_1 = require("./readModelViews.js");
const transaction_js_1 = require("./transaction.js");
class BuildInProgressError extends Error {
    projection;
    buildId;
    code = 'build_in_progress';
    constructor(projection, buildId) {
        super(`Projection ${projection} is already being built (build ${buildId})`);
        this.projection = projection;
        this.buildId = buildId;
        this.name = new.target.name;
    }
}
exports.BuildInProgressError = BuildInProgressError;
/**
 * Creates a new, empty build of the definition in a schema of its own, starting at
 * position 0. The first build of a projection serves at once (there is nothing else
 * to serve); later ones build in the background until they switch over.
 */
async function createBuild(pool, definition, reason) {
    const { name, version } = definition;
    return (0, transaction_js_1.inTransaction)(pool, async (tx) => {
        await (0, projectionBuilds_js_1.lockProjectionCatalog)(tx, name);
        const building = await tx.query(`SELECT build_id FROM projection_builds WHERE name = $1 AND status = 'building'`, [name]);
        if (building.rows[0])
            throw new BuildInProgressError(name, Number(building.rows[0].build_id));
        const registry = await tx.query('SELECT 1 FROM projection_registry WHERE name = $1', [name]);
        const first = registry.rowCount === 0;
        const next = await tx.query(`SELECT nextval(pg_get_serial_sequence('projection_builds', 'build_id')) AS id`);
        const buildId = Number(next.rows[0]?.id);
        const schemaName = `rm_${name}_v${version}_${buildId}`;
        await tx.query(`CREATE SCHEMA ${(0, pg_1.escapeIdentifier)(schemaName)}`);
        await tx.query(`SET LOCAL search_path TO ${(0, pg_1.escapeIdentifier)(schemaName)}`);
        for (const sql of definition.migrations)
            await tx.query(sql);
        await tx.query('SET LOCAL search_path TO DEFAULT');
        const status = first ? 'active' : 'building';
        await tx.query(`INSERT INTO projection_builds (build_id, name, version, schema_name, status, reason, activated_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'active' THEN now() END)`, [buildId, name, version, schemaName, status, first ? 'initial' : reason]);
        if (first) {
            await (0, readModelViews_js_1.showBuild)(tx, schemaName, definition.views ?? []);
            await tx.query('INSERT INTO projection_registry (name, active_version, active_build) VALUES ($1, $2, $3)', [name, version, buildId]);
        }
        return { buildId, name, version, schemaName, status, checkpoint: 0 };
    });
}
//# sourceMappingURL=createBuild.js.map