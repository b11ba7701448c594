"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.retireBuild = retireBuild;
exports.dropRetiredBuilds = dropRetiredBuilds;
const pg_1 = require("pg");
const projectionBuilds_js_1 = require("./projectionBuilds.js");
const transaction_js_1 = require("./transaction.js");
/** Abandons a build that will never serve (a rebuild of a version that has been superseded). */
async function retireBuild(pool, name, buildId) {
    await (0, transaction_js_1.inTransaction)(pool, async (tx) => {
        await (0, projectionBuilds_js_1.lockProjectionCatalog)(tx, name);
        await tx.query(`UPDATE projection_builds SET status = 'retired', retired_at = now() WHERE build_id = $1 AND status = 'building'`, [buildId]);
    });
}
/**
 * Drops the tables of retired builds. Separate from the switch-over so a reader still
 * in a query on the old tables only delays this, never the switch; a crash in between
 * leaves them retired, and the next start drops them.
 */
async function dropRetiredBuilds(pool, name) {
    const retired = await pool.query(`SELECT build_id, schema_name FROM projection_builds WHERE name = $1 AND status = 'retired' ORDER BY build_id`, [name]);
    for (const row of retired.rows) {
        await (0, transaction_js_1.inTransaction)(pool, async (tx) => {
            await tx.query(`DROP SCHEMA IF EXISTS ${(0, pg_1.escapeIdentifier)(row.schema_name)} CASCADE`);
            await tx.query(`UPDATE projection_builds SET status = 'dropped' WHERE build_id = $1`, [row.build_id]);
        });
    }
    return retired.rows.map((row) => Number(row.build_id));
}
//# sourceMappingURL=retiredBuilds.js.map