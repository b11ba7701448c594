import type { ExpectedRevision } from './port.js';

/** Base of every error the store raises on purpose; `code` is stable for callers. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream is not at the revision the writer expected. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${stream}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'invalid_stream_name';
  constructor(readonly stream: string) {
    super(`Invalid stream name "${stream}": expected <category>-<id> using letters, digits, '_', '-' or ':'`);
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'invalid_event';
  constructor(readonly index: number, readonly reason: string) {
    super(`Event ${index}: ${reason}`);
  }
}

export class PayloadTooLargeError extends EventStoreError {
  readonly code = 'payload_too_large';
  constructor(readonly index: number, readonly bytes: number, readonly limit: number) {
    super(`Event ${index} is ${bytes} bytes, over the limit of ${limit}`);
  }
}

/** An event id is already recorded, but this append is not a retry of the one that recorded it. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already recorded by a different append`);
  }
}

/** An option or argument outside what the port accepts (a bad expected revision, a negative maxCount...). */
export class InvalidArgumentError extends EventStoreError {
  readonly code = 'invalid_argument';
  constructor(readonly argument: string, readonly reason: string) {
    super(`Invalid ${argument}: ${reason}`);
  }
}

/** The backing database cannot be reached (or the store was closed). */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'store_unavailable';
  constructor(override readonly cause: unknown) {
    super('The event store is unavailable');
  }
}
