"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BatchWrites = void 0;
exports.inlineStatement = inlineStatement;
const sql_batch_1 = require("@medfri/sql-batch");
/**
 * The writes a projection's handler wants applied for a batch. The runtime sends them
 * with the checkpoint's advance in one transaction, in the order added: the handler
 * never waits on the database.
 */
class BatchWrites {
    list = [];
    rowCount = 0;
    /** A statement with `$1`… parameters, as for `pg`'s query; its values are written inline. */
    add(text, values = []) {
        this.list.push({ kind: 'statement', text: (0, sql_batch_1.inlineParameters)(text, values) });
    }
    /** Rows to insert into `table`, in order; nothing when there are none. */
    insert(table, rows, options) {
        if (rows.length === 0)
            return;
        this.list.push({ kind: 'insert', table, rows, skipExisting: options.skipExisting });
        this.rowCount += rows.length;
    }
    get size() {
        return this.list.length;
    }
    /** Rows of every insert. */
    get rows() {
        return this.rowCount;
    }
    /** The writes in the order added. */
    get writes() {
        return this.list;
    }
}
exports.BatchWrites = BatchWrites;
/**
 * A write as a statement of a multi-statement message; an insert's rows as one JSON
 * constant that PostgreSQL turns into rows of the table (missing keys NULL).
 */
function inlineStatement(write) {
    if (write.kind === 'statement')
        return write.text;
    const conflict = write.skipExisting ? ' ON CONFLICT DO NOTHING' : '';
    return `INSERT INTO ${write.table} SELECT * FROM jsonb_populate_recordset(NULL::${write.table},${(0, sql_batch_1.quoteText)(JSON.stringify(write.rows))}::jsonb)${conflict}`;
}
//# sourceMappingURL=batchWrites.js.map