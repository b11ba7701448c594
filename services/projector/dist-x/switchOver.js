"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.switchOver = switchOver;
const projectionBuilds_js_1 = require("./projectionBuilds.js");
const notifyChannel_js_1 = require("./notifyChannel.js");
const readModelViews_js_1 = require("./readModelViews.js");
const transaction_js_1 = require("./transaction.js");
/**
 * Puts a caught-up build behind the views in one transaction: readers see the old
 * tables until the commit and the new ones after it, never a mix and never nothing.
 * The new build must be at least as far as the one it replaces, so what readers see
 * never goes back in the global order. The new build is always of `definition` (the
 * instance that fed it switches it). The replaced build is only retired here; its
 * tables are dropped after the commit.
 */
async function switchOver(pool, definition, buildId) {
    const { name } = definition;
    return (0, transaction_js_1.inTransaction)(pool, async (tx) => {
        await (0, projectionBuilds_js_1.lockProjectionCatalog)(tx, name);
        const registry = await tx.query('SELECT active_build FROM projection_registry WHERE name = $1', [name]);
        const activeId = registry.rows[0] ? Number(registry.rows[0].active_build) : undefined;
        // Row locks wait for a batch in flight on either build, so the checkpoints compared are final.
        const rows = await tx.query(`SELECT ${projectionBuilds_js_1.BUILD_COLUMNS} FROM projection_builds WHERE build_id = ANY($1::bigint[]) ORDER BY build_id FOR UPDATE`, [[buildId, activeId].filter((id) => id !== undefined)]);
        const builds = rows.rows.map(projectionBuilds_js_1.toBuild);
        const next = builds.find((build) => build.buildId === buildId);
        const current = builds.find((build) => build.buildId === activeId);
        if (next?.status !== 'building')
            return new transaction_js_1.Rollback({ switched: false, reason: 'not_building' });
        if (current && next.checkpoint < current.checkpoint)
            return new transaction_js_1.Rollback({ switched: false, reason: 'behind' });
        if (current) {
            await (0, readModelViews_js_1.hideBuild)(tx, current.schemaName);
            await tx.query(`UPDATE projection_builds SET status = 'retired', retired_at = now() WHERE build_id = $1`, [current.buildId]);
        }
        await tx.query(`UPDATE projection_builds SET status = 'active', activated_at = now() WHERE build_id = $1`, [next.buildId]);
        await (0, readModelViews_js_1.showBuild)(tx, next.schemaName, definition.views ?? []);
        await tx.query(`INSERT INTO projection_registry (name, active_version, active_build) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET active_version = excluded.active_version, active_build = excluded.active_build, switched_at = now()`, [name, next.version, next.buildId]);
        await tx.query('SELECT pg_notify($1, $2), pg_notify($3, $4)', [notifyChannel_js_1.NOTIFY_CHANNEL, `${name}:${next.checkpoint}`, notifyChannel_js_1.CONTROL_CHANNEL, name]);
        return { switched: true, retiredBuildId: current?.buildId };
    });
}
//# sourceMappingURL=switchOver.js.map