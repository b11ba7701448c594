/**
 * Client side of the sequencer (the SQL function `event_store.sequence` does the work):
 * coalesces concurrent requests in this process and waits, boundedly, until the events a
 * reader has seen committed have their global positions.
 */
import type { Pool } from 'pg';

export interface SequencerRun {
  /** Rows positioned by this run. */
  positioned: number;
  /** The last assigned position after this run (0 when empty). */
  head: number;
  /** Every transaction with a lower id had finished when this run began. */
  fence: bigint;
  /** False when the batch was full: more rows below the fence may be waiting. */
  complete: boolean;
  /** Highest transaction id of committed rows still waiting for the fence; null when none wait. */
  waiting: bigint | null;
}

interface SequenceRow {
  o_positioned: number;
  o_head: string;
  o_fence: string;
  o_complete: boolean;
  o_waiting: string | null;
}

const SEQUENCE = {
  name: 'event_store_sequence',
  text: 'SELECT o_positioned, o_head::text AS o_head, o_fence::text AS o_fence, o_complete, o_waiting::text AS o_waiting FROM event_store.sequence($1)',
};

export interface Sequencer {
  /** One run of the sequencer that starts after this call; concurrent callers share runs. */
  run(): Promise<SequencerRun>;
  /** The highest head any run has reported: positions up to it are assigned for good. */
  knownHead(): number;
  /**
   * Runs the sequencer until every row committed before this call has a position, or until
   * the deadline (an older transaction may stay open): returns the last run and whether
   * everything was positioned.
   */
  catchUp(deadline: number): Promise<{ run: SequencerRun; done: boolean }>;
  /** Like catchUp, for rows of transactions up to `tx` only. */
  positionThrough(tx: bigint, deadline: number): Promise<{ run: SequencerRun; done: boolean }>;
}

/** How long to wait between runs while an older transaction holds back the fence. */
const FENCE_RETRY_MS = [1, 2, 5, 10, 20];

export function createSequencer(pool: Pool, batchSize: number): Sequencer {
  let inFlight: Promise<SequencerRun> | null = null;
  let queued: Promise<SequencerRun> | null = null;
  let head = 0;

  const call = async (): Promise<SequencerRun> => {
    const result = await pool.query<SequenceRow>({ ...SEQUENCE, values: [batchSize] });
    const row = result.rows[0] as SequenceRow;
    head = Math.max(head, Number(row.o_head));
    return {
      positioned: row.o_positioned,
      head: Number(row.o_head),
      fence: BigInt(row.o_fence),
      complete: row.o_complete,
      waiting: row.o_waiting === null ? null : BigInt(row.o_waiting),
    };
  };

  const run = (): Promise<SequencerRun> => {
    if (!inFlight) {
      inFlight = call().finally(() => {
        inFlight = null;
      });
      return inFlight;
    }
    // A run already under way may have taken its snapshot before the caller's commit:
    // the caller gets the next run, which everyone arriving meanwhile shares.
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return run();
      });
    return queued;
  };

  const positionThrough = async (tx: bigint, deadline: number): Promise<{ run: SequencerRun; done: boolean }> => {
    for (let attempt = 0; ; attempt++) {
      const last = await run();
      if (last.complete && last.fence > tx) return { run: last, done: true };
      if (!last.complete) continue; // a full batch: more is ready right now
      if (Date.now() >= deadline) return { run: last, done: false };
      const pause = FENCE_RETRY_MS[Math.min(attempt, FENCE_RETRY_MS.length - 1)] as number;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };

  const catchUp = async (deadline: number): Promise<{ run: SequencerRun; done: boolean }> => {
    let first = await run();
    while (!first.complete && Date.now() < deadline) first = await run();
    if (!first.complete) return { run: first, done: false };
    if (first.waiting === null) return { run: first, done: true };
    return positionThrough(first.waiting, deadline);
  };

  return { run, catchUp, positionThrough, knownHead: () => head };
}
