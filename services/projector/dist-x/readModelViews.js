"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ViewNameTakenError = exports.VIEW_SCHEMA = void 0;
exports.showBuild = showBuild;
exports.hideBuild = hideBuild;
const pg_1 = require("pg");
/** Where other services read: stable views onto whatever build serves, never the build's tables. */
exports.VIEW_SCHEMA = 'read_models';
class ViewNameTakenError extends Error {
    view;
    code = 'view_name_taken';
    constructor(view) {
        super(`${exports.VIEW_SCHEMA}.${view} already exists and belongs to another projection: read-model table and view names must be unique`);
        this.view = view;
        this.name = new.target.name;
    }
}
exports.ViewNameTakenError = ViewNameTakenError;
/**
 * Points the views at the build: `read_models.<table>` for each table (except the
 * handler's private `_` tables), then the definition's own views.
 */
async function showBuild(tx, schema, views) {
    const tables = await tx.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND left(tablename, 1) <> '_' ORDER BY tablename`, [schema]);
    for (const { tablename } of tables.rows) {
        await createView(tx, tablename, `SELECT * FROM ${(0, pg_1.escapeIdentifier)(schema)}.${(0, pg_1.escapeIdentifier)(tablename)}`);
    }
    // The build's tables first, then the projection's views created before this one.
    await tx.query(`SET LOCAL search_path TO ${(0, pg_1.escapeIdentifier)(schema)}, ${exports.VIEW_SCHEMA}`);
    for (const view of views)
        await createView(tx, view.name, view.sql);
    await tx.query('SET LOCAL search_path TO DEFAULT');
}
/**
 * Drops every view onto the build's tables, and views on those views, found through
 * PostgreSQL's dependencies rather than a definition: the build may be of a version
 * whose code is gone.
 */
async function hideBuild(tx, schema) {
    const dependent = await tx.query(`WITH RECURSIVE dependent (oid) AS (
       SELECT rule.ev_class
       FROM pg_depend dependency
       JOIN pg_rewrite rule ON rule.oid = dependency.objid
       JOIN pg_class used ON used.oid = dependency.refobjid
       JOIN pg_namespace used_schema ON used_schema.oid = used.relnamespace AND used_schema.nspname = $1
       UNION
       SELECT rule.ev_class
       FROM dependent
       JOIN pg_depend dependency ON dependency.refobjid = dependent.oid
       JOIN pg_rewrite rule ON rule.oid = dependency.objid AND rule.ev_class <> dependent.oid)
     SELECT DISTINCT view.relname AS view
     FROM dependent
     JOIN pg_class view ON view.oid = dependent.oid AND view.relkind = 'v'
     JOIN pg_namespace view_schema ON view_schema.oid = view.relnamespace AND view_schema.nspname = $2`, [schema, exports.VIEW_SCHEMA]);
    if (dependent.rows.length === 0)
        return;
    // One statement, so views built on each other go together.
    await tx.query(`DROP VIEW IF EXISTS ${dependent.rows.map((row) => `${exports.VIEW_SCHEMA}.${(0, pg_1.escapeIdentifier)(row.view)}`).join(', ')}`);
}
async function createView(tx, name, sql) {
    try {
        await tx.query(`CREATE VIEW ${exports.VIEW_SCHEMA}.${(0, pg_1.escapeIdentifier)(name)} AS ${sql}`);
    }
    catch (error) {
        if (error instanceof pg_1.DatabaseError && error.code === '42P07')
            throw new ViewNameTakenError(name);
        throw error;
    }
}
//# sourceMappingURL=readModelViews.js.map