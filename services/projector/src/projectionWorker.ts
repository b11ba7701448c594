import type { EventStore } from '@medfri/event-store';
import { resumeAutovacuum } from './autovacuumWhileCatchingUp.js';
import type { BatchSender } from './batchSender.js';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { createBuild } from './createBuild.js';
import type { BatchSizes } from './eventBatches.js';
import { followBuild } from './followBuild.js';
import { loadBuilds, type Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { acquireProjectionLock } from './projectionLock.js';
import { dropRetiredBuilds, retireBuild } from './retiredBuilds.js';
import type { ExpectedReader, SharedCatchUp } from './sharedCatchUp.js';
import { sleep } from './sleep.js';
import { switchOver } from './switchOver.js';
import { Wakeup } from './wakeup.js';

export interface WorkerOptions {
  pool: Pool;
  sender: BatchSender;
  /** For the lock's own session, outside the pool. */
  connectionString: string;
  store: EventStore;
  catchUp: SharedCatchUp;
  /**
   * Set when the process starts its projections together: the catch-up waits for this
   * worker's first follower (of its active build, when it feeds two) until it subscribes,
   * or until this worker finds it will not follow soon (another instance holds the
   * projection, setting up or following failed, superseded, stopped), at most a few seconds.
   */
  expected?: ExpectedReader;
  definition: ProjectionDefinition;
  batchSizes: BatchSizes;
  lockRetryMs: number;
  log: Logger;
  onFailure(projection: string): void;
}

/**
 * `waiting`: another instance holds the projection. `leading`: this one maintains it.
 * `superseded`: a newer version of the definition serves; this instance has stopped.
 */
export type WorkerState = 'waiting' | 'leading' | 'superseded' | 'stopped';

export interface ProjectionStatus {
  name: string;
  version: number;
  state: WorkerState;
  /** The builds this instance feeds, as of their last commit. */
  builds: Build[];
  lastError: string | undefined;
}

interface Follower {
  build: Build;
  controller: AbortController;
  done: Promise<void>;
  /** Reached the head since this process began feeding it. */
  caughtUp: boolean;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps one projection up to date while this instance holds it: feeds the active
 * build of its version and, during a rebuild or an upgrade, the new build next to it,
 * which takes over the views once it has caught up.
 */
export class ProjectionWorker {
  private state: WorkerState = 'waiting';
  private lastError: string | undefined;
  private readonly followers = new Map<number, Follower>();
  private readonly stopping = new AbortController();
  private readonly wakeup = new Wakeup();
  private running: Promise<void> | undefined;
  /** The store's head as last read by isCaughtUp (0 before: nothing known to be ahead). */
  private lastHead = 0;
  /** Until the first follower takes it, or this worker settles it (see WorkerOptions.expected). */
  private expected: ExpectedReader | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.expected = options.expected;
  }

  private get name(): string {
    return this.options.definition.name;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  status(): ProjectionStatus {
    return {
      name: this.name,
      version: this.options.definition.version,
      state: this.state,
      builds: [...this.followers.values()].map((follower) => follower.build),
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    const { log, definition } = this.options;
    const signal = this.stopping.signal;
    try {
      while (!signal.aborted) {
        this.state = 'waiting';
        const lock = await acquireProjectionLock({
          connectionString: this.options.connectionString,
          name: definition.name,
          version: definition.version,
          retryMs: this.options.lockRetryMs,
          signal,
          log,
          onWaiting: () => this.notExpected(),
          onControl: (payload) => {
            if (payload === definition.name) this.wakeup.notify();
          },
        });
        if (!lock) break;
        this.state = 'leading';
        log.info({ projection: this.name, version: definition.version }, 'holding projection');
        const superseded = await this.lead(AbortSignal.any([signal, lock.lost]));
        await this.stopFollowers();
        await lock.release();
        if (superseded) {
          this.state = 'superseded';
          return;
        }
        if (!signal.aborted) log.warn({ projection: this.name }, 'lost the projection lock; waiting to hold it again');
      }
      this.state = 'stopped';
    } finally {
      // Leading no more, or never: the catch-up need not wait for this worker.
      this.notExpected();
    }
  }

  /** The expected follower (see WorkerOptions.expected), for the first one to follow. */
  private takeExpected(): ExpectedReader | undefined {
    const expected = this.expected;
    this.expected = undefined;
    return expected;
  }

  /** This worker will not follow soon: the catch-up need not wait for it. */
  private notExpected(): void {
    this.takeExpected()?.settle();
  }

  /** Reconciles whenever woken (start, control notification, a follower fenced or switched). True when superseded. */
  private async lead(signal: AbortSignal): Promise<boolean> {
    let failures = 0;
    this.wakeup.notify();
    while (!signal.aborted) {
      await this.wakeup.wait(signal);
      if (signal.aborted) break;
      try {
        const wanted = await this.reconcile();
        if (wanted === 'superseded') {
          this.options.log.warn({ projection: this.name, version: this.options.definition.version },
            'a newer version of this projection serves; this instance stops maintaining it');
          return true;
        }
        this.follow(wanted, signal);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.notExpected();
        this.fail(error, 'reconciling the builds failed');
        await sleep(backoff(failures), signal);
        this.wakeup.notify();
      }
    }
    return false;
  }

  /** Brings the builds in line with this definition; returns those of its version to feed. */
  private async reconcile(): Promise<Build[] | 'superseded'> {
    const { pool, definition } = this.options;
    await dropRetiredBuilds(pool, this.name);
    let builds = await loadBuilds(pool, this.name);
    if (builds.some((build) => build.version > definition.version)) return 'superseded';
    for (const stale of builds.filter((build) => build.status === 'building' && build.version < definition.version)) {
      await retireBuild(pool, this.name, stale.buildId);
    }
    builds = await loadBuilds(pool, this.name);
    const active = builds.find((build) => build.status === 'active');
    const building = builds.find((build) => build.status === 'building');
    if (!active || (active.version < definition.version && !building)) {
      const created = await createBuild(pool, definition, 'version');
      this.options.log.info({ projection: this.name, build: created.buildId, status: created.status }, 'created a build');
      builds = await loadBuilds(pool, this.name);
    }
    await dropRetiredBuilds(pool, this.name);
    return builds.filter((build) => build.version === definition.version && (build.status === 'active' || build.status === 'building'));
  }

  private follow(wanted: readonly Build[], leadership: AbortSignal): void {
    for (const [buildId, follower] of this.followers) {
      if (!wanted.some((build) => build.buildId === buildId)) follower.controller.abort();
    }
    for (const build of wanted) {
      if (this.followers.has(build.buildId)) continue;
      const controller = new AbortController();
      const signal = AbortSignal.any([leadership, controller.signal]);
      const follower: Follower = { build, controller, done: Promise.resolve(), caughtUp: false };
      this.followers.set(build.buildId, follower);
      follower.done = this.feed(follower, signal).finally(() => {
        this.followers.delete(build.buildId);
        // Whatever ended it (a switch, a fence), the next reconcile decides what to feed.
        if (!leadership.aborted) this.wakeup.notify();
      });
    }
  }

  /** Feeds one build until stopped or fenced, retrying failures with backoff from the last commit. */
  private async feed(follower: Follower, signal: AbortSignal): Promise<void> {
    const { options } = this;
    let failures = 0;
    // Settled when its follow subscribes; otherwise when that follow fails (before backing
    // off) or ends (fenced, stopped).
    let expected = this.takeExpected();
    try {
      while (!signal.aborted) {
        try {
          const end = await followBuild({
            pool: options.pool,
            sender: options.sender,
            store: options.store,
            catchUp: options.catchUp,
            expected,
            definition: options.definition,
            buildId: follower.build.buildId,
            batchSizes: options.batchSizes,
            signal,
            onProgress: async (build) => {
              follower.build = build;
              failures = 0;
              if (follower.caughtUp && build.status !== 'building') return;
              if (!(await this.isCaughtUp(build))) return;
              if (!follower.caughtUp) {
                await resumeAutovacuum(options.pool, build.schemaName);
                follower.caughtUp = true;
              }
              if (build.status === 'building') await this.switchOverTo(build);
            },
          });
          if (end === 'fenced') return;
        } catch (error) {
          if (signal.aborted) return;
          failures += 1;
          this.fail(error, `feeding build ${follower.build.buildId} failed; resuming from its checkpoint`);
          expected?.settle();
          expected = undefined;
          await sleep(backoff(failures), signal);
        }
      }
    } finally {
      expected?.settle();
    }
  }

  /**
   * Close enough to the head (within one batch) is caught up: under constant writes a
   * build is never exactly at the head, and after the switch it keeps following live.
   */
  private async isCaughtUp(build: Build): Promise<boolean> {
    const near = (head: number) => head - build.checkpoint <= this.options.batchSizes.min;
    // The head only grows: while a build is still short of the last one read, it is short of
    // the current one too, so a build catching up asks the store once, not after every batch.
    if (!near(this.lastHead)) return false;
    this.lastHead = await this.options.store.headPosition();
    return near(this.lastHead);
  }

  private async switchOverTo(build: Build): Promise<void> {
    const outcome = await switchOver(this.options.pool, this.options.definition, build.buildId);
    if (!outcome.switched) return;
    build.status = 'active';
    this.options.log.info({ projection: this.name, build: build.buildId, retired: outcome.retiredBuildId, checkpoint: build.checkpoint },
      'switched the read models over to a new build');
    this.wakeup.notify();
  }

  private async stopFollowers(): Promise<void> {
    const running = [...this.followers.values()];
    for (const follower of running) follower.controller.abort();
    await Promise.all(running.map((follower) => follower.done));
  }

  private fail(error: unknown, message: string): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.onFailure(this.name);
    this.options.log.error({ err: error, projection: this.name }, message);
  }
}

function backoff(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 10));
}
