import type { RecordedEvent } from '@medfri/event-store';
import type { BatchMessage } from './batchSender.js';
import type { HandlerContext } from './handlerContext.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { BatchWrites } from './batchWrites.js';
import { DerivedPerBatch } from './derivedPerBatch.js';
import type { WriteStatements } from './writeStatements.js';

const eventTypeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A list of event types as a set, made once per list: definitions naming the same list share it. */
function eventTypesOf(definition: ProjectionDefinition): ReadonlySet<string> | undefined {
  const types = definition.eventTypes;
  if (!types) return undefined;
  let set = eventTypeSets.get(types);
  if (!set) {
    set = new Set(types);
    eventTypeSets.set(types, set);
  }
  return set;
}

const relevantOfBatch = new DerivedPerBatch<readonly RecordedEvent[], ReadonlySet<string>, readonly RecordedEvent[]>();

/** The batch's events of the given types: the batch itself when all are, so that followers share what they derive from it. */
function relevantEvents(events: readonly RecordedEvent[], types: ReadonlySet<string>): readonly RecordedEvent[] {
  return relevantOfBatch.of(events, types, () => (events.every((event) => types.has(event.type))
    ? events
    : events.filter((event) => types.has(event.type))));
}

/**
 * The message applying a batch and advancing the build's checkpoint in one transaction:
 * after a crash either both happened or neither, so re-delivery resumes exactly after the
 * last committed batch. The handler only says what to write; the sender runs the advance,
 * then the statements (see BatchSender). The advance only succeeds from the checkpoint
 * this follower started from, which fences out a former holder of the lock. `events` are
 * those after `after`, in position order.
 */
export async function batchMessage(
  definition: ProjectionDefinition,
  build: Pick<Build, 'buildId' | 'schemaName'>,
  after: number,
  events: readonly RecordedEvent[],
  context: HandlerContext,
  statements: WriteStatements,
): Promise<BatchMessage> {
  const last = events.at(-1)?.position ?? after;
  const types = eventTypesOf(definition);
  const relevant = types ? relevantEvents(events, types) : events;
  const writes = new BatchWrites();
  if (relevant.length > 0) await definition.handle(relevant, writes, context);
  return {
    buildId: build.buildId,
    schemaName: build.schemaName,
    after,
    last,
    statements: await statements.of(writes),
    // Listeners are told only of changes; NOTIFY is delivered only if the transaction commits.
    notify: writes.size > 0 ? `${definition.name}:${last}` : null,
  };
}
