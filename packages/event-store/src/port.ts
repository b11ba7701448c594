/**
 * The event store port, modelled on EventStoreDB/KurrentDB semantics. Every adapter
 * (PostgreSQL, in-memory, KurrentDB) implements it and passes the same conformance suite.
 */

/** Who caused an event; never a name, only ids and roles. */
export interface Actor {
  /** Subject id from the token (a user id, or a patient id for patients). */
  id: string;
  role: 'clinician' | 'patient' | 'researcher' | 'admin' | 'system';
}

/** Metadata the writer supplies with each event. */
export interface EventMetadataInput {
  /** Clinical time, ISO 8601 UTC; may be earlier than now. */
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  schemaVersion: number;
}

/** Metadata as recorded: the writer's, plus the store's own time. */
export interface EventMetadata extends EventMetadataInput {
  causationId: string | null;
  /** Store time, ISO 8601 UTC, set by the store on append. */
  recordedAt: string;
}

export interface EventData<T = unknown> {
  /** Client-supplied UUID; appending the same ids again is a no-op success. */
  id: string;
  type: string;
  data: T;
  metadata: EventMetadataInput;
}

export interface RecordedEvent<T = unknown> {
  id: string;
  stream: string;
  type: string;
  /** 0-based revision within the stream. */
  revision: number;
  /** Position in the global order ($all), strictly increasing, starting at 1. */
  position: number;
  data: T;
  metadata: EventMetadata;
}

/** `any`, `no_stream`, `stream_exists`, or the exact 0-based revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expected?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (pass it as `expected` next time). */
  nextExpectedRevision: number;
  /** True when every event id was already recorded: a retry, nothing written. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events with a position greater than this. Defaults to 0 (from the start). */
  after?: number;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /**
   * The last position the subscriber has processed (its checkpoint); delivery starts
   * with the event after it. Omit or pass 0 to start from the beginning.
   */
  after?: number;
  /** Events fetched per page while catching up; bounds what the store holds for a slow consumer. */
  pageSize?: number;
}

/**
 * A catch-up subscription: an async iterable that first delivers everything after the
 * checkpoint, then follows live. It is pull-based: the store fetches the next page only
 * when the consumer asks for it, so a slow consumer never makes the store buffer
 * without bound.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; resolves once the subscription has released its resources. */
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(stream: string, events: readonly EventData[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Position of the last event in the global order, 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
