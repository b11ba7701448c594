import { DatabaseError, escapeIdentifier, type Pool, type QueryResult } from 'pg';
import { inlineParameters } from '@medfri/sql-batch';

export type BatchOutcome =
  | { committed: true; checkpoint: number; status: 'building' | 'active' }
  /**
   * The build is not where its follower thought: another instance moved its checkpoint
   * (it lost its lock mid-batch), or it was retired. Nothing was written.
   */
  | { committed: false };

/** One build's batch: advance its checkpoint from `after` to `last` and run its statements. */
export interface BatchMessage {
  buildId: number;
  schemaName: string;
  after: number;
  last: number;
  statements: readonly string[];
  /** Payload for listeners of a serving build, or null when the batch changed nothing they read. */
  notify: string | null;
}

interface Queued {
  message: BatchMessage;
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

/** Raised by projector_advance_checkpoint when the build is not at the follower's checkpoint. */
const FENCED = 'MF001';

type AdvanceRow = { status: 'building' | 'active' };

/**
 * Sends the batches of a process's followers to PostgreSQL. A batch is the checkpoint's
 * advance followed by its statements, as one multi-statement message that PostgreSQL runs
 * as one implicit transaction, rolled back whole if any statement fails: one round trip per
 * batch. At the head every follower gets the same new events at the same moment, so the
 * batches ready in the same turn of the event loop go together as one message and one
 * transaction: a live event costs one round trip for all projections instead of one each.
 * Each batch still advances only its own build from its own checkpoint. If a combined
 * message fails, each batch is sent again on its own, so that one follower's fence or
 * failing statement is answered to that follower alone.
 */
export class BatchSender {
  private queue: Queued[] = [];

  /**
   * `registrySchema`: where projection_builds and the advance function live. Each batch's
   * statements run with its build's schema first on the search path, then this one, so
   * that the next batch in the same message still finds the function.
   */
  constructor(private readonly pool: Pool, private readonly registrySchema: string) {}

  send(message: BatchMessage): Promise<BatchOutcome> {
    return new Promise<BatchOutcome>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    if (queued.length > 1) {
      try {
        const outcomes = await this.execute(queued.map((entry) => entry.message));
        queued.forEach((entry, index) => entry.resolve(outcomes[index] as BatchOutcome));
        return;
      } catch {
        // Which batch failed is only known by trying each on its own.
      }
    }
    await Promise.all(queued.map(async (entry) => {
      try {
        const [outcome] = await this.execute([entry.message]);
        entry.resolve(outcome as BatchOutcome);
      } catch (error) {
        if (error instanceof DatabaseError && error.code === FENCED) entry.resolve({ committed: false });
        else entry.reject(error);
      }
    }));
  }

  private async execute(messages: readonly BatchMessage[]): Promise<BatchOutcome[]> {
    const advances: number[] = [];
    const texts: string[] = [];
    for (const message of messages) {
      advances.push(texts.length);
      texts.push(inlineParameters('SELECT projector_advance_checkpoint($1, $2, $3, $4, $5) AS status',
        [message.buildId, message.after, message.last, `${escapeIdentifier(message.schemaName)}, ${escapeIdentifier(this.registrySchema)}`, message.notify]));
      texts.push(...message.statements);
    }
    const result = await this.pool.query(texts.join(';\n')) as QueryResult | QueryResult[];
    const results = Array.isArray(result) ? result : [result];
    return messages.map((message, index) => {
      const status = (results[advances[index] as number] as QueryResult<AdvanceRow> | undefined)?.rows[0]?.status;
      if (!status) throw new Error(`advancing build ${message.buildId} returned no status`);
      return { committed: true, checkpoint: message.last, status };
    });
  }
}
