"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.acquireProjectionLock = acquireProjectionLock;
const pg_1 = require("pg");
const notifyChannel_js_1 = require("./notifyChannel.js");
const sleep_js_1 = require("./sleep.js");
/**
 * Waits until this instance holds the projection: a PostgreSQL advisory lock on a
 * dedicated session, so a crashed holder's lock goes away with its connection and a
 * waiting instance takes over within one retry. The key covers name and version, so
 * during an upgrade the old version keeps being maintained by its own instance while
 * the new one builds. Returns undefined when the signal aborts first.
 */
async function acquireProjectionLock(options) {
    const { signal, log } = options;
    while (!signal.aborted) {
        const client = new pg_1.Client({ connectionString: options.connectionString, keepAlive: true });
        const lost = new AbortController();
        client.on('error', (error) => {
            log.warn({ err: error, projection: options.name }, 'projection lock session failed');
            lost.abort();
        });
        client.on('end', () => lost.abort());
        try {
            await client.connect();
            while (!signal.aborted && !lost.signal.aborted) {
                const result = await client.query(`SELECT pg_try_advisory_lock(hashtext('medfri:projection'), hashtext($1)) AS locked`, [`${options.name}:v${options.version}`]);
                if (result.rows[0]?.locked) {
                    client.on('notification', (message) => options.onControl(message.payload ?? ''));
                    await client.query(`LISTEN ${notifyChannel_js_1.CONTROL_CHANNEL}`);
                    return { lost: lost.signal, release: () => endQuietly(client) };
                }
                await (0, sleep_js_1.sleep)(options.retryMs, signal);
            }
        }
        catch (error) {
            if (!lost.signal.aborted)
                log.warn({ err: error, projection: options.name }, 'cannot reach the database for the projection lock');
        }
        await endQuietly(client);
        await (0, sleep_js_1.sleep)(options.retryMs, signal);
    }
    return undefined;
}
async function endQuietly(client) {
    try {
        await client.end();
    }
    catch {
        // Already ended by the server or the network: the lock is gone either way.
    }
}
//# sourceMappingURL=projectionLock.js.map