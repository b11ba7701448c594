"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProjectionWorker = void 0;
const createBuild_js_1 = require("./createBuild.js");
const followBuild_js_1 = require("./followBuild.js");
const projectionBuilds_js_1 = require("./projectionBuilds.js");
const projectionLock_js_1 = require("./projectionLock.js");
const retiredBuilds_js_1 = require("./retiredBuilds.js");
const sleep_js_1 = require("./sleep.js");
const switchOver_js_1 = require("./switchOver.js");
const wakeup_js_1 = require("./wakeup.js");
const MAX_BACKOFF_MS = 30_000;
/**
 * Keeps one projection up to date while this instance holds it: feeds the active
 * build of its version and, during a rebuild or an upgrade, the new build next to it,
 * which takes over the views once it has caught up.
 */
class ProjectionWorker {
    options;
    state = 'waiting';
    lastError;
    followers = new Map();
    stopping = new AbortController();
    wakeup = new wakeup_js_1.Wakeup();
    running;
    constructor(options) {
        this.options = options;
    }
    get name() {
        return this.options.definition.name;
    }
    start() {
        this.running ??= this.run();
    }
    async stop() {
        this.stopping.abort();
        await this.running;
    }
    status() {
        return {
            name: this.name,
            version: this.options.definition.version,
            state: this.state,
            builds: [...this.followers.values()].map((follower) => follower.build),
            lastError: this.lastError,
        };
    }
    async run() {
        const { log, definition } = this.options;
        const signal = this.stopping.signal;
        while (!signal.aborted) {
            this.state = 'waiting';
            const lock = await (0, projectionLock_js_1.acquireProjectionLock)({
                connectionString: this.options.connectionString,
                name: definition.name,
                version: definition.version,
                retryMs: this.options.lockRetryMs,
                signal,
                log,
                onControl: (payload) => {
                    if (payload === definition.name)
                        this.wakeup.notify();
                },
            });
            if (!lock)
                break;
            this.state = 'leading';
            log.info({ projection: this.name, version: definition.version }, 'holding projection');
            const superseded = await this.lead(AbortSignal.any([signal, lock.lost]));
            await this.stopFollowers();
            await lock.release();
            if (superseded) {
                this.state = 'superseded';
                return;
            }
            if (!signal.aborted)
                log.warn({ projection: this.name }, 'lost the projection lock; waiting to hold it again');
        }
        this.state = 'stopped';
    }
    /** Reconciles whenever woken (start, control notification, a follower fenced or switched). True when superseded. */
    async lead(signal) {
        let failures = 0;
        this.wakeup.notify();
        while (!signal.aborted) {
            await this.wakeup.wait(signal);
            if (signal.aborted)
                break;
            try {
                const wanted = await this.reconcile();
                if (wanted === 'superseded') {
                    this.options.log.warn({ projection: this.name, version: this.options.definition.version }, 'a newer version of this projection serves; this instance stops maintaining it');
                    return true;
                }
                this.follow(wanted, signal);
                failures = 0;
            }
            catch (error) {
                failures += 1;
                this.fail(error, 'reconciling the builds failed');
                await (0, sleep_js_1.sleep)(backoff(failures), signal);
                this.wakeup.notify();
            }
        }
        return false;
    }
    /** Brings the builds in line with this definition; returns those of its version to feed. */
    async reconcile() {
        const { pool, definition } = this.options;
        await (0, retiredBuilds_js_1.dropRetiredBuilds)(pool, this.name);
        let builds = await (0, projectionBuilds_js_1.loadBuilds)(pool, this.name);
        if (builds.some((build) => build.version > definition.version))
            return 'superseded';
        for (const stale of builds.filter((build) => build.status === 'building' && build.version < definition.version)) {
            await (0, retiredBuilds_js_1.retireBuild)(pool, this.name, stale.buildId);
        }
        builds = await (0, projectionBuilds_js_1.loadBuilds)(pool, this.name);
        const active = builds.find((build) => build.status === 'active');
        const building = builds.find((build) => build.status === 'building');
        if (!active || (active.version < definition.version && !building)) {
            const created = await (0, createBuild_js_1.createBuild)(pool, definition, 'version');
            this.options.log.info({ projection: this.name, build: created.buildId, status: created.status }, 'created a build');
            builds = await (0, projectionBuilds_js_1.loadBuilds)(pool, this.name);
        }
        await (0, retiredBuilds_js_1.dropRetiredBuilds)(pool, this.name);
        return builds.filter((build) => build.version === definition.version && (build.status === 'active' || build.status === 'building'));
    }
    follow(wanted, leadership) {
        for (const [buildId, follower] of this.followers) {
            if (!wanted.some((build) => build.buildId === buildId))
                follower.controller.abort();
        }
        for (const build of wanted) {
            if (this.followers.has(build.buildId))
                continue;
            const controller = new AbortController();
            const signal = AbortSignal.any([leadership, controller.signal]);
            const follower = { build, controller, done: Promise.resolve() };
            this.followers.set(build.buildId, follower);
            follower.done = this.feed(follower, signal).finally(() => {
                this.followers.delete(build.buildId);
                // Whatever ended it (a switch, a fence), the next reconcile decides what to feed.
                if (!leadership.aborted)
                    this.wakeup.notify();
            });
        }
    }
    /** Feeds one build until stopped or fenced, retrying failures with backoff from the last commit. */
    async feed(follower, signal) {
        const { options } = this;
        let failures = 0;
        while (!signal.aborted) {
            try {
                const end = await (0, followBuild_js_1.followBuild)({
                    pool: options.pool,
                    sender: options.sender,
                    store: options.store,
                    catchUp: options.catchUp,
                    definition: options.definition,
                    buildId: follower.build.buildId,
                    batchSizes: options.batchSizes,
                    signal,
                    onProgress: async (build) => {
                        follower.build = build;
                        failures = 0;
                        if (build.status === 'building')
                            await this.switchOverIfCaughtUp(build);
                    },
                });
                if (end === 'fenced')
                    return;
            }
            catch (error) {
                if (signal.aborted)
                    return;
                failures += 1;
                this.fail(error, `feeding build ${follower.build.buildId} failed; resuming from its checkpoint`);
                await (0, sleep_js_1.sleep)(backoff(failures), signal);
            }
        }
    }
    /**
     * Close enough to the head (within one batch) is caught up: under constant writes a
     * build is never exactly at the head, and after the switch it keeps following live.
     */
    async switchOverIfCaughtUp(build) {
        const head = await this.options.store.headPosition();
        if (head - build.checkpoint > this.options.batchSizes.min)
            return;
        const outcome = await (0, switchOver_js_1.switchOver)(this.options.pool, this.options.definition, build.buildId);
        if (!outcome.switched)
            return;
        build.status = 'active';
        this.options.log.info({ projection: this.name, build: build.buildId, retired: outcome.retiredBuildId, checkpoint: build.checkpoint }, 'switched the read models over to a new build');
        this.wakeup.notify();
    }
    async stopFollowers() {
        const running = [...this.followers.values()];
        for (const follower of running)
            follower.controller.abort();
        await Promise.all(running.map((follower) => follower.done));
    }
    fail(error, message) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onFailure(this.name);
        this.options.log.error({ err: error, projection: this.name }, message);
    }
}
exports.ProjectionWorker = ProjectionWorker;
function backoff(failures) {
    return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 10));
}
//# sourceMappingURL=projectionWorker.js.map