"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.followBuild = followBuild;
const batchMessage_js_1 = require("./batchMessage.js");
const eventBatches_js_1 = require("./eventBatches.js");
const handlerContext_js_1 = require("./handlerContext.js");
const projectionBuilds_js_1 = require("./projectionBuilds.js");
/**
 * Feeds one build from its committed checkpoint: catches up page by page, then
 * follows live. Errors (store or database unavailable, a failing handler) are thrown
 * with nothing half-applied; following again resumes from the last commit. While
 * catching up, the next batch is handled while the last one commits (it is sent only
 * once that one has committed), so the handlers' work and PostgreSQL's overlap; at the
 * head each batch's commit is awaited at once.
 */
async function followBuild(options) {
    const { pool, definition, signal } = options;
    const loaded = await pool.query(`SELECT ${projectionBuilds_js_1.BUILD_COLUMNS} FROM projection_builds WHERE build_id = $1`, [options.buildId]);
    if (!loaded.rows[0])
        return 'fenced';
    let build = (0, projectionBuilds_js_1.toBuild)(loaded.rows[0]);
    if (build.status !== 'building' && build.status !== 'active')
        return 'fenced';
    await options.onProgress(build);
    /** Resolves false when fenced. */
    const committed = async (sent) => {
        const outcome = await sent;
        if (!outcome.committed)
            return false;
        build = { ...build, checkpoint: outcome.checkpoint, status: outcome.status };
        await options.onProgress(build);
        return true;
    };
    const subscription = options.catchUp.subscribe(build.checkpoint, options.batchSizes.min);
    const context = (0, handlerContext_js_1.createHandlerContext)(options.store);
    // A commit that fails or is fenced while the next batch is awaited ends the wait, so that
    // a last full batch's failure is not left unnoticed until more events arrive.
    const failed = new AbortController();
    let sent = build.checkpoint;
    let inFlight;
    const ST=(globalThis.__st??=new Map());const me=definition.name+build.buildId;ST.set(me,'page');
    try {
        for await (const batch of (0, eventBatches_js_1.eventBatches)(subscription, options.batchSizes, AbortSignal.any([signal, failed.signal]))) {
            // At-least-once delivery: anything at or before the checkpoint is already applied.
            const fresh = batch.filter((event) => event.position > sent);
            if (fresh.length === 0)
                continue;
            ST.set(me,'compute');const message = await (0, batchMessage_js_1.batchMessage)(definition, build, sent, fresh, context);
            ST.set(me,'commit');if (inFlight && !(await inFlight))
                return 'fenced';
            inFlight = committed(options.sender.send(message));
            // Awaited later, before the next batch is sent (its failure is thrown there).
            inFlight.then((ok) => ok || failed.abort(), () => failed.abort());
            sent = message.last;
            if (fresh.length < options.batchSizes.max) {
                const done = inFlight;
                inFlight = undefined;
                if (!(await done))
                    return 'fenced';
            }
            ST.set(me,'page');
        }ST.delete(me);
        if (inFlight && !(await inFlight))
            return 'fenced';
        return 'stopped';
    }
    finally {
        // A failure while the last batch commits: let it settle, so that following again
        // starts from where it left the checkpoint.
        await inFlight?.catch(() => undefined);
        await subscription.stop();
    }
}
//# sourceMappingURL=followBuild.js.map