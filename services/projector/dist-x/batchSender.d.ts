import { type Pool } from 'pg';
import { type Write } from './batchWrites.js';
export type BatchOutcome = {
    committed: true;
    checkpoint: number;
    status: 'building' | 'active';
}
/**
 * The build is not where its follower thought: another instance moved its checkpoint
 * (it lost its lock mid-batch), or it was retired. Nothing was written.
 */
 | {
    committed: false;
};
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
export declare class BatchSender {
    private readonly pool;
    private queue;
    private readonly copies;
    constructor(pool: Pool);
    send(message: BatchMessage): Promise<BatchOutcome>;
    private flush;
    private execute;
    /** Everything in one message: PostgreSQL runs it as one implicit transaction. */
    private inline;
    /**
     * An explicit transaction on one connection: the advance, then each batch's writes in
     * order, statements between two inserts in one message, each insert through COPY.
     */
    private copying;
    private applyCopying;
}
//# sourceMappingURL=batchSender.d.ts.map