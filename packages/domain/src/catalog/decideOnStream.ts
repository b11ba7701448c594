import type { Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import type { CommandCatalogEntry } from './commandCatalog.js';
import type { DomainCommand, DomainStream } from './domainStreams.js';

/** An event as stored: its type, data, and the schema version the data was written under. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly version: number;
}

/**
 * Folds one stored event into its stream's state, parsed (and upcast) by the stream's
 * registry first. Callers that keep states between commands fold only what is new.
 */
export function evolveStored(stream: Pick<DomainStream, 'decider' | 'events'>, state: unknown, event: VersionedEvent): unknown {
  return stream.decider.evolve(state, stream.events.parse(event.type, event.data, event.version));
}

/**
 * Decides a command on a folded state. Accepted events come back validated against their
 * schema and stamped with their current version, ready to append.
 */
export function decideOnState(entry: CommandCatalogEntry, command: DomainCommand, state: unknown, context: DecisionContext): Decision<VersionedEvent> {
  if (command.type !== entry.type) throw new Error(`A ${command.type} command was sent to the ${entry.type} entry`);
  const decision = entry.decider.decide(command, state, context);
  if (!decision.ok) return decision;
  return {
    ok: true,
    events: decision.events.map((event) => {
      const definition = entry.events.get(event.type);
      if (!definition) throw new Error(`${entry.stream} decider emitted ${event.type}, which its stream does not define`);
      return { type: event.type, data: definition.schema.parse(event.data), version: definition.version };
    }),
  };
}

/** The whole pure step of handling a command: parse and fold the stream's history, decide. */
export function decideOnStream(
  entry: CommandCatalogEntry,
  command: DomainCommand,
  history: Iterable<VersionedEvent>,
  context: DecisionContext,
): Decision<VersionedEvent> {
  let state = entry.decider.initialState;
  for (const event of history) state = evolveStored(entry, state, event);
  return decideOnState(entry, command, state, context);
}
