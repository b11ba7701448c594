/**
 * Input validation shared by every adapter, so that each one accepts and refuses exactly
 * the same appends and reads. Every check runs before anything is written: a bad event
 * anywhere in a batch rejects the whole batch.
 */
import {
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamNameError,
  PayloadTooLargeError,
} from './errors.js';
import type {
  Actor,
  AppendOptions,
  EventData,
  EventMetadataInput,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from './port.js';

/** Largest `data` an event may carry, measured as the UTF-8 bytes of its JSON text. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;
export const MAX_STREAM_NAME_LENGTH = 200;
export const MAX_EVENT_TYPE_LENGTH = 200;
/** Ids in metadata (actor, correlation, causation) are identifiers, not prose. */
export const MAX_METADATA_ID_LENGTH = 200;
/** Deeper data is almost certainly a bug, and very deep JSON overflows parsers' stacks. */
export const MAX_DATA_DEPTH = 100;
export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 10_000;

const STREAM_NAME = /^[A-Za-z0-9_]+-[A-Za-z0-9_:-]+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
// A UTF-16 surrogate without its partner cannot be encoded as UTF-8: it would come back changed.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPICIOUS_TEXT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ACTOR_ROLES: ReadonlySet<string> = new Set<Actor['role']>(['clinician', 'patient', 'researcher', 'admin', 'system']);
const METADATA_KEYS: ReadonlySet<string> = new Set(['occurredAt', 'actor', 'correlationId', 'causationId', 'schemaVersion']);
const EVENT_KEYS: ReadonlySet<string> = new Set(['id', 'type', 'data', 'metadata']);
const ACTOR_KEYS: ReadonlySet<string> = new Set(['id', 'role']);

export interface ValidationLimits {
  maxPayloadBytes: number;
}

/** An event that passed validation, with its JSON already serialised once for the adapter. */
export interface ValidatedEvent {
  /** The UUID in canonical lowercase form (what PostgreSQL's uuid type returns too). */
  id: string;
  type: string;
  data: unknown;
  dataJson: string;
  metadata: Omit<EventMetadataInput, 'causationId'> & { causationId: string | null };
  metadataJson: string;
}

export interface ValidatedAppend {
  stream: string;
  expected: ExpectedRevision;
  events: ValidatedEvent[];
}

export function validateStreamName(stream: unknown): string {
  if (typeof stream !== 'string' || stream.length > MAX_STREAM_NAME_LENGTH || !STREAM_NAME.test(stream)) {
    throw new InvalidStreamNameError(String(stream));
  }
  return stream;
}

export function validateExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === undefined) return 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (isNonNegativeInteger(expected)) return expected;
  throw new InvalidArgumentError('expected revision', `${String(expected)} is not any, no_stream, stream_exists or a revision >= 0`);
}

export function validateAppend(
  stream: unknown,
  events: unknown,
  options: AppendOptions | undefined,
  limits: ValidationLimits,
): ValidatedAppend {
  const name = validateStreamName(stream);
  const expected = validateExpectedRevision(options?.expected);
  if (!Array.isArray(events)) throw new InvalidArgumentError('events', 'expected an array of events');
  const seen = new Map<string, number>();
  const validated = events.map((event: unknown, index) => {
    const result = validateEvent(event, index, limits);
    const earlier = seen.get(result.id);
    if (earlier !== undefined) throw new InvalidEventError(index, `id ${result.id} is also used by event ${earlier} of this append`);
    seen.set(result.id, index);
    return result;
  });
  return { stream: name, expected, events: validated };
}

function validateEvent(event: unknown, index: number, limits: ValidationLimits): ValidatedEvent {
  const fail = (reason: string): never => {
    throw new InvalidEventError(index, reason);
  };
  if (!isPlainObject(event)) return fail('an event must be a plain object');
  for (const key in event) if (!EVENT_KEYS.has(key)) fail(`unknown property "${key}"`);
  const { id, type, data, metadata } = event as Partial<EventData>;

  if (typeof id !== 'string' || !UUID.test(id)) fail('id must be a UUID');
  if (typeof type !== 'string' || type.length === 0 || type.length > MAX_EVENT_TYPE_LENGTH) {
    fail(`type must be a non-empty string of at most ${MAX_EVENT_TYPE_LENGTH} characters`);
  }
  const typeProblem = textProblem(type as string);
  if (typeProblem) fail(`type ${typeProblem}`);

  const dataProblem = jsonProblem(data);
  if (dataProblem) fail(dataProblem);
  const dataJson = JSON.stringify(data);
  // A UTF-16 unit is at most 3 UTF-8 bytes: only count the bytes when the limit could be near.
  if (dataJson.length * 3 > limits.maxPayloadBytes) {
    const bytes = Buffer.byteLength(dataJson, 'utf8');
    if (bytes > limits.maxPayloadBytes) throw new PayloadTooLargeError(index, bytes, limits.maxPayloadBytes);
  }

  const validMetadata = validateMetadata(metadata, fail);
  return {
    id: (id as string).toLowerCase(),
    type: type as string,
    data,
    dataJson,
    metadata: validMetadata,
    metadataJson: JSON.stringify(validMetadata),
  };
}

function validateMetadata(metadata: unknown, fail: (reason: string) => never): ValidatedEvent['metadata'] {
  if (!isPlainObject(metadata)) return fail('metadata must be a plain object');
  for (const key in metadata) if (!METADATA_KEYS.has(key)) fail(`unknown metadata property "${key}"`);
  const { occurredAt, actor, correlationId, causationId, schemaVersion } = metadata as Partial<EventMetadataInput>;

  if (typeof occurredAt !== 'string' || !isIsoUtc(occurredAt)) {
    fail('metadata.occurredAt must be an ISO 8601 UTC timestamp such as 2025-01-31T12:00:00.000Z');
  }
  if (!isPlainObject(actor)) return fail('metadata.actor must be an object { id, role }');
  for (const key in actor) if (!ACTOR_KEYS.has(key)) fail(`unknown metadata.actor property "${key}" (actors carry ids and roles only)`);
  const { id: actorId, role } = actor as Partial<Actor>;
  const actorIdProblem = idProblem(actorId);
  if (actorIdProblem) fail(`metadata.actor.id ${actorIdProblem}`);
  if (typeof role !== 'string' || !ACTOR_ROLES.has(role)) fail(`metadata.actor.role must be one of ${[...ACTOR_ROLES].join(', ')}`);
  const correlationProblem = idProblem(correlationId);
  if (correlationProblem) fail(`metadata.correlationId ${correlationProblem}`);
  const causationProblem = causationId === undefined || causationId === null ? null : idProblem(causationId);
  if (causationProblem) fail(`metadata.causationId ${causationProblem}`);
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < 1) fail('metadata.schemaVersion must be a positive integer');

  // A fixed key order, so both adapters record (and return) the same object.
  return {
    occurredAt: occurredAt as string,
    actor: { id: actorId as string, role: role as Actor['role'] },
    correlationId: correlationId as string,
    causationId: causationId ?? null,
    schemaVersion: schemaVersion as number,
  };
}

export interface NormalisedReadStream {
  direction: 'forwards' | 'backwards';
  from: number | 'start' | 'end';
  /** null: no limit. */
  maxCount: number | null;
}

export function validateReadStreamOptions(options: ReadStreamOptions | undefined): NormalisedReadStream {
  const direction = options?.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidArgumentError('direction', `${String(direction)} is not forwards or backwards`);
  }
  const from = options?.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  if (from !== 'start' && from !== 'end' && !isNonNegativeInteger(from)) {
    throw new InvalidArgumentError('fromRevision', `${String(from)} is not start, end or a revision >= 0`);
  }
  return { direction, from, maxCount: validateMaxCount(options?.maxCount) };
}

export function validateReadAllOptions(options: ReadAllOptions | undefined): { after: number; maxCount: number | null } {
  return { after: validatePosition(options?.after), maxCount: validateMaxCount(options?.maxCount) };
}

export function validateSubscribeOptions(options: SubscribeToAllOptions | undefined): { after: number; pageSize: number } {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError('pageSize', `${String(pageSize)} is not an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { after: validatePosition(options?.after), pageSize };
}

function validatePosition(after: unknown): number {
  if (after === undefined) return 0;
  if (!isNonNegativeInteger(after)) throw new InvalidArgumentError('after', `${String(after)} is not a position >= 0`);
  return after;
}

function validateMaxCount(maxCount: unknown): number | null {
  if (maxCount === undefined) return null;
  if (!isNonNegativeInteger(maxCount)) throw new InvalidArgumentError('maxCount', `${String(maxCount)} is not an integer >= 0`);
  return maxCount;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Why `value` would not survive JSON.stringify + JSON.parse unchanged (and be stored by
 * every backend), or null when it would. Shared references are fine (they come back as
 * equal copies); cycles are not. -0 is accepted and comes back as 0 (they are ===).
 * Appends run this over every event, so the success path allocates as little as it can:
 * the path of a problem is only spelled out once one is found.
 */
function jsonProblem(data: unknown): string | null {
  const path: Array<string | number> = [];
  const ancestors: object[] = [];
  const problem = walk(data, path, ancestors);
  if (problem === null) return null;
  const where = path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
  return `data${where} ${problem}`;
}

/** Leaves `path` pointing at the offending value when it returns a problem. */
function walk(value: unknown, path: Array<string | number>, ancestors: object[]): string | null {
  switch (typeof value) {
    case 'string':
      return textProblem(value);
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `is ${String(value)}, which JSON cannot represent`;
    case 'object':
      break;
    default:
      // undefined, function, bigint, symbol
      return `is a ${typeof value}, which JSON cannot represent`;
  }
  if (value === null) return null;
  if (ancestors.length >= MAX_DATA_DEPTH) return `is nested deeper than ${MAX_DATA_DEPTH} levels`;
  if (ancestors.includes(value)) return 'refers back to one of its own ancestors (a cycle)';
  ancestors.push(value);
  if (Array.isArray(value)) {
    // Array.prototype (of any realm) is itself an array; a subclass's prototype is not.
    if (!Array.isArray(Object.getPrototypeOf(value))) return 'is an array subclass';
    if (Object.keys(value).length !== value.length || Object.getOwnPropertySymbols(value).length > 0) {
      return 'is a sparse array or has extra properties';
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const problem = walk(value[i], path, ancestors);
      if (problem !== null) return problem;
      path.pop();
    }
  } else {
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return `is a ${typeof name === 'string' ? name : 'non-plain object'}, not plain JSON data`;
    }
    const keys = Object.keys(value);
    if (Object.getOwnPropertyNames(value).length !== keys.length || Object.getOwnPropertySymbols(value).length > 0) {
      return 'has symbol or non-enumerable properties';
    }
    for (const key of keys) {
      path.push(key);
      const keyProblem = textProblem(key);
      if (keyProblem !== null) return `key ${keyProblem}`;
      const problem = walk((value as Record<string, unknown>)[key], path, ancestors);
      if (problem !== null) return problem;
      path.pop();
    }
  }
  ancestors.pop();
  return null;
}

/** Plain objects: `{}` literals, JSON.parse results and Object.create(null), from any realm. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Strings every backend stores unchanged: no NUL (PostgreSQL text refuses it), no lone surrogates. */
function textProblem(text: string): string | null {
  if (!SUSPICIOUS_TEXT.test(text)) return null; // the common case, one cheap scan
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

function idProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_METADATA_ID_LENGTH) {
    return `must be a non-empty string of at most ${MAX_METADATA_ID_LENGTH} characters`;
  }
  return textProblem(id);
}

function isIsoUtc(text: string): boolean {
  if (!ISO_UTC.test(text)) return false;
  // The pattern fixed where the digits are: read them in place, without allocating.
  const digits = (at: number, count: number): number => {
    let value = 0;
    for (let i = at; i < at + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
    return value;
  };
  const [year, month, day] = [digits(0, 4), digits(5, 2), digits(8, 2)];
  const [hour, minute, second] = [digits(11, 2), digits(14, 2), digits(17, 2)];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= daysInMonth;
}
