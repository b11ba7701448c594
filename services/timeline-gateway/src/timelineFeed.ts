import type { Cursors } from './timelineEntries.js';
import type { TimelineEntry } from './timelineProtocol.js';

export interface FeedOptions {
  read(cursors: Cursors, limit: number): Promise<TimelineEntry[]>;
  send(entries: TimelineEntry[]): void;
  onError(error: unknown): void;
  pageSize: number;
}

/**
 * The timelines one socket follows, with the last position sent for each patient.
 * Every change runs in one queue, so a join's catch-up and the reads triggered by
 * notifications never interleave: each entry goes out once, in position order. As the
 * projector commits in position order, reading "after the last sent" never skips.
 */
export class TimelineFeed {
  private readonly cursors = new Map<string, number>();
  private queue: Promise<void> = Promise.resolve();
  private catchUpQueued = false;

  constructor(private readonly options: FeedOptions) {}

  /** Sends the patient's entries after `after`; resolves with the last position sent once caught up. */
  follow(patientId: string, after: number): Promise<number> {
    return this.enqueue(async () => {
      this.cursors.set(patientId, after);
      try {
        await this.catchUp();
      } catch (error) {
        this.cursors.delete(patientId);
        throw error;
      }
      return this.cursors.get(patientId) ?? after;
    });
  }

  unfollow(patientId: string): Promise<void> {
    return this.enqueue(async () => {
      this.cursors.delete(patientId);
    });
  }

  /** The timeline read model changed: send what is new. Calls while one is waiting add nothing. */
  changed(): void {
    if (this.catchUpQueued) return;
    this.catchUpQueued = true;
    this.enqueue(async () => {
      this.catchUpQueued = false;
      await this.catchUp();
    }).catch((error: unknown) => this.options.onError(error));
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      if (this.cursors.size === 0) return;
      const entries = await this.options.read(this.cursors, this.options.pageSize);
      if (entries.length === 0) return;
      this.options.send(entries);
      for (const entry of entries) this.cursors.set(entry.patientId, entry.position);
      if (entries.length < this.options.pageSize) return;
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(() => undefined, () => undefined);
    return run;
  }
}
