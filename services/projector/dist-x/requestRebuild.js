"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestRebuild = requestRebuild;
const postgres_migrations_1 = require("@medfri/postgres-migrations");
const createBuild_js_1 = require("./createBuild.js");
const notifyChannel_js_1 = require("./notifyChannel.js");
const projectorMigrations_js_1 = require("./projectorMigrations.js");
/**
 * The operator's rebuild: a fresh build of the current definition, from position 0.
 * The instance holding the projection is told at once and feeds it next to the
 * serving build until it has caught up and switches over; with no instance running,
 * the next one to start does.
 */
async function requestRebuild(pool, definition) {
    await (0, postgres_migrations_1.migrate)(pool, 'projector', projectorMigrations_js_1.projectorMigrations);
    const build = await (0, createBuild_js_1.createBuild)(pool, definition, 'rebuild');
    await pool.query('SELECT pg_notify($1, $2)', [notifyChannel_js_1.CONTROL_CHANNEL, definition.name]);
    return build;
}
//# sourceMappingURL=requestRebuild.js.map