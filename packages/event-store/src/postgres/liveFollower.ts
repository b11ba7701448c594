/**
 * Wakes caught-up subscriptions when new positions exist. Three sources, so that neither a
 * lost notification nor another process's writer can leave a subscriber waiting for long:
 * (a) a kick right after this store's own appends, (b) LISTEN for the sequencer's NOTIFY
 * from any process, (c) a poll every few milliseconds that runs the sequencer (cheap when
 * nothing is pending), which is also what positions other processes' appends.
 */
import { Client, type ClientConfig, type Notification } from 'pg';
import { toStoreError } from './connectionErrors.js';
import { POSITIONED_CHANNEL } from './migrations.js';
import type { Sequencer } from './sequencer.js';

interface Waiter {
  after: number;
  resolve(): void;
  reject(error: unknown): void;
}

export interface LiveFollowerOptions {
  sequencer: Sequencer;
  pollIntervalMs: number;
  /** Connection settings for the LISTEN connection; null polls only. */
  listenerConfig: ClientConfig | null;
}

const LISTENER_RETRY_MS = 5_000;
const MAX_BACKOFF_MS = 1_000;
const FENCED_RETRY_MS = 3;

export class LiveFollower {
  private knownHead = 0;
  private readonly waiters = new Set<Waiter>();
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private kicked = false;
  private users = 0;
  private listener: Client | null = null;
  private listenerStarting: Promise<void> | null = null;
  /** When the LISTEN connection last failed; it is tried again after LISTENER_RETRY_MS. */
  private listenerFailedAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(private readonly options: LiveFollowerOptions) {}

  /** A subscription starts: keep the LISTEN connection while any subscription lives. */
  retain(): void {
    this.users += 1;
    if (this.users === 1) this.ensureListener();
  }

  /** A subscription stopped: the last one releases the LISTEN connection. */
  async release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) await this.stopListener();
  }

  /** Resolves once positions after `after` exist (or on abort); rejects if the database fails. */
  waitForEventsAfter(after: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted || this.closed || this.knownHead > after) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const cleanup = (): void => {
        this.waiters.delete(waiter);
        signal.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        after,
        resolve: () => {
          cleanup();
          resolve();
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
      };
      const onAbort = (): void => waiter.resolve();
      signal.addEventListener('abort', onAbort);
      this.waiters.add(waiter);
      this.kick();
    });
  }

  /** Something may be ready to position (this store just appended): run the sequencer now. */
  kick(): void {
    if (this.waiters.size === 0 || this.closed) return;
    this.kicked = true;
    if (this.loop) this.wakeLoop?.();
    else this.loop = this.runLoop();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.resolve();
    this.wakeLoop?.();
    await this.loop;
    await this.stopListener();
  }

  private observeHead(head: number): void {
    if (head <= this.knownHead) return;
    this.knownHead = head;
    for (const waiter of [...this.waiters]) if (waiter.after < head) waiter.resolve();
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    while (!this.closed && this.waiters.size > 0) {
      this.kicked = false;
      let fenced = false;
      try {
        const run = await this.options.sequencer.run();
        failures = 0;
        this.observeHead(run.head);
        if (!run.complete) continue;
        fenced = run.waiting !== null;
      } catch (error) {
        failures += 1;
        const failure = toStoreError(error);
        for (const waiter of [...this.waiters]) waiter.reject(failure);
      }
      if (this.users > 0 && !this.listener) this.ensureListener();
      if (this.kicked || this.waiters.size === 0 || this.closed) continue;
      // Committed events waiting only for older transactions (usually appends a few ms from
      // committing) are checked again soon; otherwise poll at the interval, or back off.
      const pause =
        failures > 0
          ? Math.min(MAX_BACKOFF_MS, this.options.pollIntervalMs * 2 ** failures)
          : fenced
            ? FENCED_RETRY_MS
            : this.options.pollIntervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, pause);
        function wake(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wakeLoop = wake;
      });
      this.wakeLoop = null;
    }
    this.loop = null;
  }

  private ensureListener(): void {
    const config = this.options.listenerConfig;
    if (!config || this.closed || this.listener || this.listenerStarting) return;
    if (Date.now() - this.listenerFailedAt < LISTENER_RETRY_MS) return;
    const client = new Client(config);
    // Without a LISTEN connection the poll still delivers; errors only cost latency.
    client.on('error', () => {
      this.listenerFailedAt = Date.now();
      void this.dropListener(client);
    });
    client.on('notification', (message: Notification) => {
      const head = Number(message.payload);
      if (message.channel === POSITIONED_CHANNEL && Number.isSafeInteger(head)) this.observeHead(head);
    });
    this.listenerStarting = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN ${POSITIONED_CHANNEL}`);
        if (this.users === 0 || this.closed) await client.end();
        else this.listener = client;
      } catch {
        this.listenerFailedAt = Date.now();
        await client.end().catch(() => undefined);
      } finally {
        this.listenerStarting = null;
      }
    })();
  }

  private async dropListener(client: Client): Promise<void> {
    if (this.listener === client) this.listener = null;
    await client.end().catch(() => undefined);
  }

  private async stopListener(): Promise<void> {
    await this.listenerStarting;
    const client = this.listener;
    this.listener = null;
    if (client) await client.end().catch(() => undefined);
  }
}
