"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CopyInserts = void 0;
const sql_batch_1 = require("@medfri/sql-batch");
const pg_1 = require("pg");
const pg_copy_streams_1 = require("pg-copy-streams");
const node_stream_1 = require("node:stream");
const promises_1 = require("node:stream/promises");
/**
 * Inserts rows with `COPY … FROM STDIN`, on a client inside the batch's transaction,
 * under its build's search path. COPY needs the table's column list, and array columns
 * take array input rather than JSON: both are read from the catalog once per build
 * schema (a build's tables never change; a new build is a new schema).
 */
class CopyInserts {
    schemas = new Map();
    /** Reads the tables of the schemas not known yet, in one query. */
    async learn(client, schemaNames) {
        const unknown = [...new Set(schemaNames)].filter((name) => !this.schemas.has(name));
        if (unknown.length === 0)
            return;
        const { rows } = await client.query(`SELECT n.nspname AS schema, c.relname AS table,
              array_agg(a.attname::text ORDER BY a.attnum) AS names,
              array_agg(a.attname::text) FILTER (WHERE t.typcategory = 'A') AS arrays
         FROM pg_namespace n
         JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = ANY($1::text[])
        GROUP BY n.nspname, c.relname`, [unknown]);
        for (const name of unknown)
            this.schemas.set(name, new Map());
        for (const row of rows) {
            this.schemas.get(row.schema).set(row.table, { names: row.names, arrays: new Set(row.arrays ?? []) });
        }
    }
    prepare(schemaName, insert) {
        const columns = this.schemas.get(schemaName)?.get(insert.table);
        if (!columns) throw new Error(`no table ${insert.table} in ${schemaName}`);
        const list = columns.names.map((name) => (0, pg_1.escapeIdentifier)(name)).join(', ');
        return { text: `COPY ${(0, pg_1.escapeIdentifier)(insert.table)} (${list}) FROM STDIN`, chunks: (0, sql_batch_1.copyChunks)(columns, insert.rows) };
    }
    async copy(client, schemaName, insert) {
        const columns = this.schemas.get(schemaName)?.get(insert.table);
        if (!columns)
            throw new Error(`no table ${insert.table} in ${schemaName}`);
        const list = columns.names.map((name) => (0, pg_1.escapeIdentifier)(name)).join(', ');
        const stream = client.query((0, pg_copy_streams_1.from)(`COPY ${(0, pg_1.escapeIdentifier)(insert.table)} (${list}) FROM STDIN`));
        await (0, promises_1.pipeline)(node_stream_1.Readable.from((0, sql_batch_1.copyChunks)(columns, insert.rows)), stream);
    }
}
exports.CopyInserts = CopyInserts;
//# sourceMappingURL=copyInserts.js.map