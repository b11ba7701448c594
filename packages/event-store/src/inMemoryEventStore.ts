/**
 * The in-memory adapter: the same semantics as the PostgreSQL adapter (it passes the same
 * conformance suite), for unit tests of other packages. Nothing survives the process.
 */
import { createCatchUpSubscription } from './catchUpSubscription.js';
import { DuplicateEventIdError, StoreUnavailableError, WrongExpectedVersionError } from './errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from './port.js';
import {
  DEFAULT_MAX_PAYLOAD_BYTES,
  validateAppend,
  validateReadAllOptions,
  validateReadStreamOptions,
  validateStreamName,
  validateSubscribeOptions,
} from './validation.js';

export interface InMemoryEventStoreOptions {
  /** Largest `data` JSON in bytes; defaults to 1 MiB like every adapter. */
  maxPayloadBytes?: number;
  /** Store time for `recordedAt`; defaults to the wall clock. */
  clock?: () => Date;
}

/** Events are kept as JSON text, so callers can neither share nor mutate what was recorded. */
interface StoredEvent {
  id: string;
  stream: string;
  type: string;
  revision: number;
  position: number;
  dataJson: string;
  metadata: Omit<EventMetadata, 'actor'> & { actor: EventMetadata['actor'] };
}

export function createInMemoryEventStore(options: InMemoryEventStoreOptions = {}): EventStore {
  const limits = { maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES };
  const clock = options.clock ?? (() => new Date());
  const all: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const byId = new Map<string, StoredEvent>();
  const waiters = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError(new Error('The event store is closed'));
  };

  const wakeWaiters = (): void => {
    for (const wake of [...waiters]) wake();
  };

  const appendToStream = async (
    stream: string,
    events: readonly EventData[],
    appendOptions?: AppendOptions,
  ): Promise<AppendResult> => {
    ensureOpen();
    const append = validateAppend(stream, events, appendOptions, limits);
    // From here on nothing awaits: the check and the write are one atomic step.
    const existing = streams.get(append.stream) ?? [];
    const recorded = append.events.map((event) => byId.get(event.id));
    const firstRecorded = recorded.find((event) => event !== undefined);
    if (firstRecorded) {
      const isRetry = recorded.every(
        (event, i) => event !== undefined && event.stream === append.stream && event.revision === firstRecorded.revision + i,
      );
      if (!isRetry) throw new DuplicateEventIdError(append.events[recorded.indexOf(firstRecorded)]?.id ?? firstRecorded.id);
      return { nextExpectedRevision: firstRecorded.revision + append.events.length - 1, duplicate: true };
    }
    const current = existing.length - 1;
    checkExpected(append.stream, append.expected, current);
    if (append.events.length === 0) return { nextExpectedRevision: current, duplicate: false };

    const recordedAt = clock().toISOString();
    const list = existing;
    for (const event of append.events) {
      const stored: StoredEvent = {
        id: event.id,
        stream: append.stream,
        type: event.type,
        revision: list.length,
        position: all.length + 1,
        dataJson: event.dataJson,
        metadata: { ...event.metadata, actor: { ...event.metadata.actor }, recordedAt },
      };
      list.push(stored);
      all.push(stored);
      byId.set(stored.id, stored);
    }
    streams.set(append.stream, list);
    wakeWaiters();
    return { nextExpectedRevision: list.length - 1, duplicate: false };
  };

  const readStream = async (stream: string, readOptions?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    ensureOpen();
    const name = validateStreamName(stream);
    const { direction, from, maxCount } = validateReadStreamOptions(readOptions);
    const list = streams.get(name) ?? [];
    const limit = maxCount ?? Number.MAX_SAFE_INTEGER;
    if (direction === 'forwards') {
      const start = from === 'start' ? 0 : from === 'end' ? list.length : from;
      return list.slice(start, start + limit).map(materialise);
    }
    const start = from === 'end' ? list.length - 1 : from === 'start' ? 0 : Math.min(from, list.length - 1);
    const result: RecordedEvent[] = [];
    for (let revision = start; revision >= 0 && result.length < limit; revision--) {
      result.push(materialise(list[revision] as StoredEvent));
    }
    return result;
  };

  const readAll = async (readOptions?: ReadAllOptions): Promise<RecordedEvent[]> => {
    ensureOpen();
    const { after, maxCount } = validateReadAllOptions(readOptions);
    return all.slice(after, maxCount === null ? undefined : after + maxCount).map(materialise);
  };

  const subscribeToAll = (subscribeOptions?: SubscribeToAllOptions): Subscription => {
    ensureOpen();
    const { after, pageSize } = validateSubscribeOptions(subscribeOptions);
    const subscription = createCatchUpSubscription(
      {
        readPage: async (position, limit) => all.slice(position, position + limit).map(materialise),
        waitForEventsAfter: (position, signal) =>
          new Promise<void>((resolve) => {
            if (all.length > position || signal.aborted) return resolve();
            const wake = (): void => {
              waiters.delete(wake);
              signal.removeEventListener('abort', wake);
              resolve();
            };
            waiters.add(wake);
            signal.addEventListener('abort', wake);
          }),
      },
      { after, pageSize },
      () => {
        subscriptions.delete(subscription);
      },
    );
    subscriptions.add(subscription);
    return subscription;
  };

  return {
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    headPosition: async () => {
      ensureOpen();
      return all.length;
    },
    close: async () => {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
    },
  };
}

function checkExpected(stream: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === -1) ||
    (expected === 'stream_exists' && current >= 0) ||
    expected === current;
  if (!ok) throw new WrongExpectedVersionError(stream, expected, current === -1 ? 'no_stream' : current);
}

function materialise(event: StoredEvent): RecordedEvent {
  return {
    id: event.id,
    stream: event.stream,
    type: event.type,
    revision: event.revision,
    position: event.position,
    data: JSON.parse(event.dataJson) as unknown,
    metadata: { ...event.metadata, actor: { ...event.metadata.actor } },
  };
}
