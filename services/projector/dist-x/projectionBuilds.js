"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUILD_COLUMNS = void 0;
exports.toBuild = toBuild;
exports.loadBuilds = loadBuilds;
exports.lockProjectionCatalog = lockProjectionCatalog;
exports.BUILD_COLUMNS = 'build_id, name, version, schema_name, status, checkpoint';
function toBuild(row) {
    return {
        buildId: Number(row.build_id),
        name: row.name,
        version: row.version,
        schemaName: row.schema_name,
        status: row.status,
        checkpoint: Number(row.checkpoint),
    };
}
/** The builds of a projection whose tables exist (building, active or retired), oldest first. */
async function loadBuilds(db, name) {
    const result = await db.query(`SELECT ${exports.BUILD_COLUMNS} FROM projection_builds WHERE name = $1 AND status <> 'dropped' ORDER BY build_id`, [name]);
    return result.rows.map(toBuild);
}
/** Serialises everything that changes which builds of a projection exist or serve, until the transaction ends. */
async function lockProjectionCatalog(tx, name) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('medfri:projection-catalog'), hashtext($1))`, [name]);
}
//# sourceMappingURL=projectionBuilds.js.map