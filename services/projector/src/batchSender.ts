import { DatabaseError, escapeIdentifier, type Pool } from 'pg';
import { inlineParameters, runInOneRoundTrip, type MessageStatement } from '@medfri/sql-batch';
import { withResolvers } from './withResolvers.js';

type Status = 'building' | 'active';

export type BatchOutcome =
  | { committed: true; checkpoint: number; status: Status }
  /**
   * The build is not where its follower thought: another instance moved its checkpoint
   * (it lost its lock mid-batch), or it was retired. Nothing was written.
   */
  | { committed: false };

/** One build's batch: advance its checkpoint from `after` to `last` and apply its writes. */
export interface BatchMessage {
  buildId: number;
  schemaName: string;
  after: number;
  last: number;
  /** The handler's writes as statements (see WriteStatements). */
  statements: readonly MessageStatement[];
  /** Payload for listeners of a serving build, or null when the batch changed nothing they read. */
  notify: string | null;
}

interface Queued {
  message: BatchMessage;
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

/** Raised by projector_advance_checkpoints when a build is not at its follower's checkpoint. */
const FENCED = 'MF001';

/**
 * Sends the batches of a process's followers to PostgreSQL, as one multi-statement message
 * that PostgreSQL runs as one implicit transaction, rolled back whole if any statement
 * fails: first one call advancing each batch's checkpoint, then each batch's statements
 * under its build's schema. A catch-up batch's inserts are COPY statements whose data
 * follows the message at once (runInOneRoundTrip): PostgreSQL never waits in the middle of
 * a transaction for this process's event loop, busy with the next batches. At the head
 * every follower gets the same new events at the same moment, so the batches ready in the
 * same turn of the event loop go together: a live event costs one round trip for all
 * projections instead of one each. Each batch still advances only its own build from its
 * own checkpoint. If a combined message fails, each batch is sent again on its own, so
 * that one follower's fence or failing statement is answered to that follower alone.
 */
export class BatchSender {
  private queue: Queued[] = [];
  /** Resolved once the latest queued batches are written (or have failed); resolved while none were sent. */
  private queueWritten = withResolvers();

  constructor(private readonly pool: Pool) {
    this.queueWritten.resolve();
  }

  send(message: BatchMessage): Promise<BatchOutcome> {
    return new Promise<BatchOutcome>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (this.queue.length > 1) return;
      this.queueWritten = withResolvers();
      setImmediate(() => void this.flush());
    });
  }

  /**
   * Resolves once every batch sent so far has been written to PostgreSQL, which then works
   * on it whatever this thread does next: a follower catching up waits for this before it
   * handles its next batch. Otherwise the followers' handling, a chain of promises that
   * never lets the event loop reach the sender's turn, ran before the message went out,
   * and PostgreSQL and this thread took turns instead of working at the same time.
   */
  written(): Promise<void> {
    return this.queueWritten.promise;
  }

  private async flush(): Promise<void> {
    const queued = this.queue;
    const written = this.queueWritten;
    this.queue = [];
    if (queued.length > 1) {
      try {
        const outcomes = await this.execute(queued.map((entry) => entry.message), written.resolve);
        queued.forEach((entry, index) => entry.resolve(outcomes[index] as BatchOutcome));
        return;
      } catch {
        // Which batch failed is only known by trying each on its own.
      }
    }
    await Promise.all(queued.map(async (entry) => {
      try {
        const [outcome] = await this.execute([entry.message], written.resolve);
        entry.resolve(outcome as BatchOutcome);
      } catch (error) {
        if (error instanceof DatabaseError && error.code === FENCED) entry.resolve({ committed: false });
        else entry.reject(error);
      } finally {
        written.resolve();
      }
    }));
  }

  private async execute(messages: readonly BatchMessage[], onWritten: () => void): Promise<BatchOutcome[]> {
    const advance = inlineParameters('SELECT projector_advance_checkpoints($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS statuses', [
      messages.map((message) => message.buildId),
      messages.map((message) => message.after),
      messages.map((message) => message.last),
      messages.map((message) => message.notify),
    ]);
    const statements: MessageStatement[] = [{ text: advance }];
    for (const message of messages) {
      if (message.statements.length > 0) statements.push({ text: `SET LOCAL search_path = ${escapeIdentifier(message.schemaName)}` }, ...message.statements);
    }
    const statuses = await this.run(statements, onWritten);
    return messages.map((message, index) => {
      const status = statuses[index];
      if (!status) throw new Error(`advancing build ${message.buildId} returned no status`);
      return { committed: true, checkpoint: message.last, status };
    });
  }

  /** One message, one round trip: PostgreSQL runs it as one implicit transaction. */
  private async run(statements: readonly MessageStatement[], onWritten: () => void): Promise<Status[]> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const trip = runInOneRoundTrip(client, statements);
      // The client was idle: the message is on the connection already.
      onWritten();
      const [advanced] = await trip;
      return (advanced?.[0]?.statuses ?? []) as Status[];
    } catch (error) {
      // PostgreSQL's own errors leave the connection ready for the next message; anything else may not.
      if (!(error instanceof DatabaseError)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
