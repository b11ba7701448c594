import type { ExpectedRevision } from '@medfri/event-store';
import { WrongExpectedVersionError } from '@medfri/event-store';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DomainRuleViolation } from '../http/domainRuleViolation.js';
import { defineRoute, type AnyRoute, type HandlerContext, type HandlerResult, type RouteInput, type RouteSpec } from '../http/route.js';
import type { AppServices } from '../services.js';
import { replayableIds } from '../idempotency/replayableIds.js';
import { hideSealedText, openFields, sealFields } from '../vault/personalFields.js';
import type { CachedState, StreamModelKey } from './streamStateCache.js';

/** An event as the domain sees it: type, data, and the schema version of the data. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly version: number;
}

/** The events to append, or the rule that refused the command (the domain's `Decision`). */
export type CommandDecision =
  | { readonly ok: true; readonly events: readonly VersionedEvent[] }
  | { readonly ok: false; readonly error: DomainRuleViolation };

/** What the service supplies to every decision; the route adds reference data and configuration. */
export interface DecisionBase {
  now: DateTime;
  newId: () => string;
}

const recordedSchema = z.object({
  /** The stream's revision after the command: the ETag for the next write. Null if the stream still does not exist. */
  revision: z.number().int().nullable(),
  recorded: z.number().int(),
});

type CommandInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = RouteInput<z.output<P>, z.output<Q>, z.output<B>>;

/** How a stream's stored events fold into the state its commands are decided on. */
export interface StreamModel<S> extends StreamModelKey {
  readonly initial: S;
  /** Folds one stored event; sealed free text arrives as `SEALED_TEXT`. */
  evolve(state: S, event: VersionedEvent): S;
}

export interface CommandRouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, S>
  extends Pick<RouteSpec<P, Q, B, typeof recordedSchema>, 'operationId' | 'method' | 'path' | 'summary' | 'description' | 'tags' | 'params' | 'query' | 'body' | 'policy' | 'ifMatch'> {
  /** `<category>-<id>` of the stream the command acts on. */
  stream(input: CommandInput<P, Q, B>): string;
  /** Whose key seals the personal free text of the events. */
  patient(input: CommandInput<P, Q, B>): string;
  /** Top-level data fields of an event type that hold personal free text (the domain's `personalFields`). */
  personalFields(type: string): readonly string[];
  model: StreamModel<S>;
  /** The pure step: state in, events or a refusal out (the domain's `decideOnState` fits). */
  decide(input: CommandInput<P, Q, B>, state: S, base: DecisionBase): CommandDecision;
  /** After a successful append: e.g. put the patient in a unit's care when a referral or admission is recorded. */
  afterAppend?(context: HandlerContext<CommandInput<P, Q, B>>, events: readonly VersionedEvent[]): Promise<void>;
}

/** A stream's revision and its events with personal fields opened, for read routes. */
export async function loadStream(services: AppServices, stream: string, patientId: string) {
  const recorded = await services.eventStore.readStream(stream);
  const opened = await openFields(services.vault, patientId, recorded.map((event) => event.data as Record<string, unknown>));
  const revision: number | 'no_stream' = recorded.at(-1)?.revision ?? 'no_stream';
  const events: VersionedEvent[] = recorded.map((event, index) => ({ type: event.type, data: opened[index], version: event.metadata.schemaVersion }));
  return { revision, events };
}

function foldStored<S>(model: StreamModel<S>, state: S, events: readonly { type: string; data: unknown; metadata: { schemaVersion: number } }[]): S {
  return events.reduce((folded, event) => model.evolve(folded, { type: event.type, data: hideSealedText(event.data), version: event.metadata.schemaVersion }), state);
}

/** The state with whatever was appended after it folded in (one read, usually empty), kept for the next command. */
async function catchUp<S>(services: AppServices, model: StreamModel<S>, stream: string, known: CachedState<S> | undefined): Promise<CachedState<S>> {
  const from = known === undefined || known.revision === 'no_stream' ? 0 : known.revision + 1;
  const missed = await services.eventStore.readStream(stream, { fromRevision: from });
  const last = missed.at(-1);
  if (!last) return known ?? { revision: 'no_stream', state: model.initial };
  const current = { revision: last.revision, state: foldStored(model, known?.state ?? model.initial, missed) };
  services.streamStates.set(model, stream, current);
  return current;
}

function revisionMatches(expected: ExpectedRevision, actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream' || expected === 'stream_exists') return (actual === 'no_stream') === (expected === 'no_stream');
  return expected === actual;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Recorded = z.input<typeof recordedSchema>;

// Without If-Match the client asks for "the current state": a concurrent write is decided again.
const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/** What an attempt on a state that may be stale answers instead of a conflict or a refusal: read, then decide again. */
const STALE = Symbol('stale');

/**
 * Decides on `known` and appends expecting its revision. A state that is not `fresh`
 * (kept from an earlier command) may be behind the store; any outcome that could come
 * from that (If-Match not matching, a refusal, nothing to record, the append's conflict)
 * is STALE rather than an answer, so no answer is ever decided on a stale state.
 */
async function decideAndAppend<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, S>(
  spec: CommandRouteSpec<P, Q, B, S>,
  context: HandlerContext<CommandInput<P, Q, B>>,
  stream: string,
  known: CachedState<S>,
  fresh: boolean,
  newId: () => string,
): Promise<HandlerResult<Recorded> | typeof STALE> {
  const { input, principal, services, requestId, expectedRevision } = context;
  const { revision, state } = known;
  if (expectedRevision !== undefined && !revisionMatches(expectedRevision, revision)) {
    if (!fresh) return STALE;
    throw new WrongExpectedVersionError(stream, expectedRevision, revision);
  }
  const instant = services.clock.now();
  let decision: CommandDecision;
  try {
    decision = spec.decide(input, state, { now: DateTime.fromJSDate(instant, { zone: 'utc' }), newId });
  } catch (error) {
    if (!fresh) return STALE;
    throw error;
  }
  if (!decision.ok) {
    if (!fresh) return STALE;
    throw decision.error;
  }
  if (decision.events.length === 0) {
    if (!fresh) return STALE;
    return revision === 'no_stream' ? { body: { revision: null, recorded: 0 } } : { body: { revision, recorded: 0 }, revision };
  }
  const patientId = spec.patient(input);
  // Ids are minted before any await, so a re-run mints them in the same order.
  const withIds = decision.events.map((event) => ({ event, id: newId() }));
  const toAppend = await Promise.all(withIds.map(async ({ event, id }) => {
    const data = isRecord(event.data) ? await sealFields(services.vault, patientId, event.data, spec.personalFields(event.type)) : event.data;
    const occurredAt = isRecord(event.data) && typeof event.data.occurredAt === 'string' ? event.data.occurredAt : instant.toISOString();
    return {
      id,
      type: event.type,
      data,
      metadata: { occurredAt, actor: { id: principal.subject, role: principal.role }, correlationId: requestId, causationId: null, schemaVersion: event.version },
    };
  }));
  let appended;
  try {
    appended = await services.eventStore.appendToStream(stream, toAppend, { expected: revision });
  } catch (error) {
    if (!fresh && error instanceof WrongExpectedVersionError) return STALE;
    throw error;
  }
  // Fold what was written as it is stored; a duplicate (a retry) wrote nothing after `revision`.
  if (!appended.duplicate) {
    services.streamStates.set(spec.model, stream, { revision: appended.nextExpectedRevision, state: foldStored(spec.model, state, toAppend) });
  }
  await spec.afterAppend?.(context, decision.events);
  return { body: { revision: appended.nextExpectedRevision, recorded: toAppend.length }, revision: appended.nextExpectedRevision };
}

/**
 * One domain command as one route: decide on the stream's state, seal personal fields,
 * append expecting the revision the state is at (or the client's If-Match: stale is a
 * 409), answer with the new revision as ETag. The state kept from the last command on
 * the stream is decided on without reading the stream first; if another process appended
 * meanwhile, the append's expected revision refuses it and what was missed is read and
 * decided again. Event ids come from `newId`, the same on every attempt, so a retried
 * request appends nothing twice.
 */
export function commandRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, S>(spec: CommandRouteSpec<P, Q, B, S>): AnyRoute {
  return defineRoute<typeof recordedSchema, P, Q, B>({
    ifMatch: 'optional',
    ...spec,
    response: { status: 200, description: 'Recorded; the body and ETag give the new revision', schema: recordedSchema },
    async handler(context) {
      const { services } = context;
      const stream = spec.stream(context.input);
      const cached = services.streamStates.get<S>(spec.model, stream);
      let known = cached ?? await catchUp(services, spec.model, stream, undefined);
      let fresh = cached === undefined;
      const attemptIds = replayableIds(context.newId);
      // A kept state found stale is read up to date and decided again; only lost races count as attempts.
      for (let attempt = 1; ; ) {
        try {
          const result = await decideAndAppend(spec, context, stream, known, fresh, attemptIds());
          if (result !== STALE) return result;
        } catch (error) {
          const retry = error instanceof WrongExpectedVersionError && context.expectedRevision === undefined && attempt < ATTEMPTS_WITHOUT_IF_MATCH;
          if (!retry) throw error;
          attempt += 1;
        }
        known = await catchUp(services, spec.model, stream, known);
        fresh = true;
      }
    },
  });
}
