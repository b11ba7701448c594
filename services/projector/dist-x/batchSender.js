"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BatchSender = void 0;
const pg_1 = require("pg");
const sql_batch_1 = require("@medfri/sql-batch");
const batchWrites_js_1 = require("./batchWrites.js");
const copyInserts_js_1 = require("./copyInserts.js");
/** Raised by projector_advance_checkpoints when a build is not at its follower's checkpoint. */
const FENCED = 'MF001';
/**
 * Rows in a transaction from which inserts go through COPY: a catch-up batch brings
 * thousands, which PostgreSQL loads several times faster that way than parsed from JSON
 * constants in the message. A live batch's few rows stay inline, in one round trip.
 */
const COPY_FROM_ROWS = 500;
const rowsOf = (messages) => messages.reduce((sum, message) => sum + message.writes.reduce((rows, write) => rows + (write.kind === 'insert' ? write.rows.length : 0), 0), 0);
/**
 * Sends the batches of a process's followers to PostgreSQL, as one multi-statement message
 * that PostgreSQL runs as one implicit transaction, rolled back whole if any statement
 * fails: first one call advancing each batch's checkpoint, then each batch's statements
 * under its build's schema. At the head every follower gets the same new events at the
 * same moment, so the batches ready in the same turn of the event loop go together: a live
 * event costs one round trip for all projections instead of one each. Each batch still
 * advances only its own build from its own checkpoint. If a combined message fails, each
 * batch is sent again on its own, so that one follower's fence or failing statement is
 * answered to that follower alone.
 */
class BatchSender {
    pool;
    queue = [];
    copies = new copyInserts_js_1.CopyInserts();
    constructor(pool) {
        this.pool = pool;
    }
    send(message) {
        return new Promise((resolve, reject) => {
            this.queue.push({ message, resolve, reject });
            if (this.queue.length === 1)
                setImmediate(() => void this.flush());
        });
    }
    async flush() {
        const queued = this.queue;
        this.queue = [];
        if (queued.length > 1) {
            try {
                const outcomes = await this.execute(queued.map((entry) => entry.message));
                queued.forEach((entry, index) => entry.resolve(outcomes[index]));
                return;
            }
            catch {
                // Which batch failed is only known by trying each on its own.
            }
        }
        await Promise.all(queued.map(async (entry) => {
            try {
                const [outcome] = await this.execute([entry.message]);
                entry.resolve(outcome);
            }
            catch (error) {
                if (error instanceof pg_1.DatabaseError && error.code === FENCED)
                    entry.resolve({ committed: false });
                else
                    entry.reject(error);
            }
        }));
    }
    async execute(messages) {
        const advance = (0, sql_batch_1.inlineParameters)('SELECT projector_advance_checkpoints($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS statuses', [
            messages.map((message) => message.buildId),
            messages.map((message) => message.after),
            messages.map((message) => message.last),
            messages.map((message) => message.notify),
        ]);
        const statuses = rowsOf(messages) >= COPY_FROM_ROWS ? await this.copying(advance, messages) : await this.inline(advance, messages);
        return messages.map((message, index) => {
            const status = statuses[index];
            if (!status)
                throw new Error(`advancing build ${message.buildId} returned no status`);
            return { committed: true, checkpoint: message.last, status };
        });
    }
    /** Everything in one message: PostgreSQL runs it as one implicit transaction. */
    async inline(advance, messages) {
        const texts = [advance];
        for (const message of messages) {
            if (message.writes.length === 0)
                continue;
            texts.push(`SET LOCAL search_path = ${(0, pg_1.escapeIdentifier)(message.schemaName)}`, ...message.writes.map(batchWrites_js_1.inlineStatement));
        }
        const result = await this.pool.query(texts.join(';\n'));
        const first = (Array.isArray(result) ? result[0] : result);
        return first?.rows[0]?.statuses ?? [];
    }
    /**
     * An explicit transaction on one connection: the advance, then each batch's writes in
     * order, statements between two inserts in one message, each insert through COPY.
     */
    async copying(advance, messages) {
        const client = await this.pool.connect();
        try {
            await this.copies.learn(client, messages.map((message) => message.schemaName));
            const texts = [advance];
            const datas = [];
            for (const message of messages) {
                if (message.writes.length === 0) continue;
                texts.push(`SET LOCAL search_path = ${(0, pg_1.escapeIdentifier)(message.schemaName)}`);
                for (const write of message.writes) {
                    if (write.kind === 'statement') { texts.push(write.text); continue; }
                    const c = this.copies.prepare(message.schemaName, write);
                    texts.push(c.text); datas.push(c.chunks);
                }
            }
            const trip = new OneTrip(texts.join(';\n'), datas);
            client.query(trip);
            const first = await trip.done;
            return first;
        }
        finally {
            client.release();
        }
    }
}
class OneTrip {
    constructor(text, datas) { this.text = text; this.datas = datas; this.first = undefined; this.rows = undefined; this.done = new Promise((res, rej) => { this.res = res; this.rej = rej; }); }
    submit(connection) {
        connection.query(this.text);
        const stream = connection.stream;
        stream.cork();
        for (const chunks of this.datas) {
            for (const chunk of chunks) { const h = Buffer.allocUnsafe(5); h[0] = 0x64; h.writeUInt32BE(chunk.length + 4, 1); stream.write(h); stream.write(chunk); }
            stream.write(Buffer.from([0x63, 0, 0, 0, 4]));
        }
        stream.uncork();
    }
    callback() {}
    handleRowDescription(msg) { this.fields = msg.fields; this.rows = []; }
    handleDataRow(msg) { this.rows?.push(msg.fields); }
    handleCommandComplete() { if (this.first === undefined && this.rows) { const p = pg_1.types.getTypeParser(this.fields[0].dataTypeID, 'text'); this.first = p(this.rows[0][0]); } this.rows = undefined; }
    handleCopyInResponse() {}
    handleEmptyQuery() {}
    handleError(error) { this.rej(error); }
    handleReadyForQuery() { this.res(this.first ?? []); }
}
exports.BatchSender = BatchSender;
//# sourceMappingURL=batchSender.js.map