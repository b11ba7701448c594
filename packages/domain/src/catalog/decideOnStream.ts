import { fold } from '../kernel/decider.js';
import type { Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import type { CommandCatalogEntry } from './commandCatalog.js';
import type { DomainCommand } from './domainStreams.js';

/** An event as stored: its type, data, and the schema version the data was written under. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly version: number;
}

/**
 * The whole pure step of handling a command: parse (and upcast) the stream's history, fold
 * it, decide. Accepted events come back validated against their schema and stamped with
 * their current version, ready to append.
 */
export function decideOnStream(
  entry: CommandCatalogEntry,
  command: DomainCommand,
  history: Iterable<VersionedEvent>,
  context: DecisionContext,
): Decision<VersionedEvent> {
  if (command.type !== entry.type) throw new Error(`A ${command.type} command was sent to the ${entry.type} entry`);
  const events = [...history].map((event) => entry.events.parse(event.type, event.data, event.version));
  const decision = entry.decider.decide(command, fold(entry.decider, events), context);
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
