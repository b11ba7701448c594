import { DatabaseError, escapeIdentifier, type Pool, type PoolClient, type QueryResult } from 'pg';
import { inlineParameters } from '@medfri/sql-batch';
import { inlineStatement, type Write } from './batchWrites.js';
import { CopyInserts } from './copyInserts.js';

export type BatchOutcome =
  | { committed: true; checkpoint: number; status: 'building' | 'active' }
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
  writes: readonly Write[];
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
 * Rows in a transaction from which inserts go through COPY: a catch-up batch brings
 * thousands, which PostgreSQL loads several times faster that way than parsed from JSON
 * constants in the message. A live batch's few rows stay inline, in one round trip.
 */
const COPY_FROM_ROWS = 500;

const rowsOf = (messages: readonly BatchMessage[]): number =>
  messages.reduce((sum, message) => sum + message.writes.reduce((rows, write) => rows + (write.kind === 'insert' ? write.rows.length : 0), 0), 0);


type AdvanceRow = { statuses: ('building' | 'active')[] };

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
export class BatchSender {
  private queue: Queued[] = [];
  private readonly copies = new CopyInserts();

  constructor(private readonly pool: Pool) {}

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
    const advance = inlineParameters('SELECT projector_advance_checkpoints($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS statuses', [
      messages.map((message) => message.buildId),
      messages.map((message) => message.after),
      messages.map((message) => message.last),
      messages.map((message) => message.notify),
    ]);
    const statuses = rowsOf(messages) >= COPY_FROM_ROWS ? await this.copying(advance, messages) : await this.inline(advance, messages);
    return messages.map((message, index) => {
      const status = statuses[index];
      if (!status) throw new Error(`advancing build ${message.buildId} returned no status`);
      return { committed: true, checkpoint: message.last, status };
    });
  }

  /** Everything in one message: PostgreSQL runs it as one implicit transaction. */
  private async inline(advance: string, messages: readonly BatchMessage[]): Promise<AdvanceRow['statuses']> {
    const texts = [advance];
    for (const message of messages) {
      if (message.writes.length === 0) continue;
      texts.push(`SET LOCAL search_path = ${escapeIdentifier(message.schemaName)}`, ...message.writes.map(inlineStatement));
    }
    const result = await this.pool.query(texts.join(';\n')) as QueryResult | QueryResult[];
    const first = (Array.isArray(result) ? result[0] : result) as QueryResult<AdvanceRow> | undefined;
    return first?.rows[0]?.statuses ?? [];
  }

  /**
   * An explicit transaction on one connection: the advance, then each batch's writes in
   * order, statements between two inserts in one message, each insert through COPY.
   */
  private async copying(advance: string, messages: readonly BatchMessage[]): Promise<AdvanceRow['statuses']> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await this.copies.learn(client, messages.map((message) => message.schemaName));
      const [, advanced] = await client.query(`BEGIN;\n${advance}`) as unknown as [QueryResult, QueryResult<AdvanceRow>];
      for (const message of messages) await this.applyCopying(client, message);
      await client.query('COMMIT');
      return advanced.rows[0]?.statuses ?? [];
    } catch (error) {
      // Whatever failed left the transaction aborted, or not begun: end it before the connection is reused.
      await client.query('ROLLBACK').catch((failure: unknown) => {
        broken = failure instanceof Error ? failure : new Error(String(failure));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async applyCopying(client: PoolClient, message: BatchMessage): Promise<void> {
    if (message.writes.length === 0) return;
    let texts = [`SET LOCAL search_path = ${escapeIdentifier(message.schemaName)}`];
    for (const write of message.writes) {
      if (write.kind === 'statement') {
        texts.push(write.text);
        continue;
      }
      if (texts.length > 0) await client.query(texts.join(';\n'));
      texts = [];
      await this.copies.copy(client, message.schemaName, write);
    }
    if (texts.length > 0) await client.query(texts.join(';\n'));
  }
}
