/**
 * The PostgreSQL adapter, the reference implementation of the port. Appends are one
 * statement each; global positions are assigned afterwards by the sequencer (see
 * migrations.ts for the SQL and README.md for why it cannot skip an event).
 */
import { Pool, type PoolConfig } from 'pg';
import { createCatchUpSubscription } from '../catchUpSubscription.js';
import { StoreUnavailableError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port.js';
import {
  DEFAULT_MAX_PAYLOAD_BYTES,
  validateAppend,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateStreamName,
  validateSubscribeOptions,
} from '../validation.js';
import { appendAutocommit } from './postgresAppend.js';
import { withStoreErrors } from './connectionErrors.js';
import { EVENT_COLUMNS, isPositioned, toRecordedEvent, type EventRow } from './eventRow.js';
import { LiveFollower } from './liveFollower.js';
import { createSequencer } from './sequencer.js';

export interface PostgresEventStoreOptions {
  /** Where to connect; the store then owns its pool and ends it on close(). */
  connectionString?: string;
  /** Or a pool the caller owns (and ends). */
  pool?: Pool;
  /** Size of the pool the store creates from connectionString (default 10). */
  poolSize?: number;
  /** Largest `data` JSON in bytes (default 1 MiB). */
  maxPayloadBytes?: number;
  /** How often a caught-up subscription checks for new events besides notifications (default 10 ms). */
  pollIntervalMs?: number;
  /** Rows the sequencer positions per transaction (default 10,000). */
  sequencerBatchSize?: number;
  /**
   * How long a read waits for committed events to get their positions while an older
   * transaction is still open (default 10 s). readAll and headPosition then answer without
   * them; readStream fails with StoreUnavailableError.
   */
  positionWaitMs?: number;
}

export function createPostgresEventStore(options: PostgresEventStoreOptions): EventStore {
  if (Boolean(options.pool) === Boolean(options.connectionString)) {
    throw new TypeError('createPostgresEventStore needs exactly one of connectionString or pool');
  }
  const ownsPool = !options.pool;
  const pool = options.pool ?? new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  // An idle connection that breaks (a server restart) must not crash the process; the next query reports it.
  if (ownsPool) pool.on('error', () => undefined);
  const limits = { maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES };
  const positionWaitMs = options.positionWaitMs ?? 10_000;
  const sequencer = createSequencer(pool, options.sequencerBatchSize ?? 10_000);
  const follower = new LiveFollower({
    sequencer,
    pollIntervalMs: options.pollIntervalMs ?? 10,
    listenerConfig: listenerConfigOf(pool),
  });
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(new Error('The event store is closed'));
  };

  const appendToStream = async (stream: string, events: readonly EventData[], appendOptions?: AppendOptions): Promise<AppendResult> => {
    ensureOpen();
    const append = validateAppend(stream, events, appendOptions, limits);
    const result = await withStoreErrors(() => appendAutocommit(pool, append));
    if (!result.duplicate && append.events.length > 0) follower.kick();
    return result;
  };

  const readStream = async (stream: string, readOptions?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    ensureOpen();
    const name = validateStreamName(stream);
    const { direction, from, maxCount } = validateReadStreamOptions(readOptions);
    if (direction === 'forwards' && from === 'end') return [];
    // tx last: only needed for rows still waiting for a position.
    const text =
      direction === 'forwards'
        ? `SELECT ${EVENT_COLUMNS}, tx::text FROM event_store.events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`
        : `SELECT ${EVENT_COLUMNS}, tx::text FROM event_store.events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
    const fromRevision = from === 'start' ? 0 : from === 'end' ? Number.MAX_SAFE_INTEGER : from;
    return withStoreErrors(async () => {
      const deadline = Date.now() + positionWaitMs;
      for (;;) {
        const { rows } = await pool.query<EventRow>({ text, values: [name, fromRevision, maxCount], rowMode: 'array' });
        const unpositioned = rows.filter((row) => !isPositioned(row));
        if (unpositioned.length === 0) return rows.map(toRecordedEvent);
        // Committed, but the sequencer has not positioned them yet: do it now, then read again.
        const newest = unpositioned.reduce((max, row) => (BigInt(row[8] as string) > max ? BigInt(row[8] as string) : max), 0n);
        const { done } = await sequencer.positionThrough(newest, deadline);
        if (!done) {
          throw new StoreUnavailableError(
            new Error(`Events of ${name} are committed but an older transaction has been open for over ${positionWaitMs} ms`),
          );
        }
      }
    });
  };

  const readPositioned = async (after: number, maxCount: number | null): Promise<RecordedEvent[]> => {
    const { rows } = await pool.query<EventRow>({
      name: 'event_store_read_all',
      text: `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [after, maxCount],
      rowMode: 'array',
    });
    return rows.map(toRecordedEvent);
  };

  const readAll = async (readOptions?: ReadAllOptions): Promise<RecordedEvent[]> => {
    ensureOpen();
    const { after, maxCount } = validateReadAllOptions(readOptions);
    return withStoreErrors(async () => {
      // Position what has committed, so an acknowledged append is visible here; unless the
      // page lies wholly below a head already seen, where nothing can change any more.
      if (maxCount === null || after + maxCount > sequencer.knownHead()) await sequencer.catchUp(Date.now() + positionWaitMs);
      return readPositioned(after, maxCount);
    });
  };

  const subscribeToAll = (subscribeOptions?: SubscribeToAllOptions): Subscription => {
    ensureOpen();
    const { after, pageSize } = validateSubscribeOptions(subscribeOptions);
    follower.retain();
    const subscription = createCatchUpSubscription(
      {
        readPage: (position, limit) => withStoreErrors(() => readPositioned(position, limit)),
        waitForEventsAfter: (position, signal) => follower.waitForEventsAfter(position, signal),
      },
      { after, pageSize },
      async () => {
        subscriptions.delete(subscription);
        await follower.release();
      },
    );
    subscriptions.add(subscription);
    return subscription;
  };

  const headPosition = async (): Promise<number> => {
    ensureOpen();
    return withStoreErrors(async () => (await sequencer.catchUp(Date.now() + positionWaitMs)).run.head);
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
    await follower.close();
    if (ownsPool) await pool.end();
  };

  return { appendToStream, readStream, readAll, subscribeToAll, headPosition, close };
}

/** The pool's own connection settings, for the one extra connection that LISTENs. */
function listenerConfigOf(pool: Pool): PoolConfig {
  const { max: _max, min: _min, idleTimeoutMillis: _idle, ...config } = pool.options;
  return config;
}
