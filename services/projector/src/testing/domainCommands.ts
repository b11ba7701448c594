import { commandCatalogEntry, defaultDomainConfig, type DomainCommand } from '@medfri/domain';
import type { Actor, EventData, EventStore } from '@medfri/event-store';
import { loadReferenceData, type ReferenceData } from '@medfri/reference-data';
import type { DateTime } from 'luxon';

export interface DomainCommandsOptions {
  /** The simulated or real time each decision is made at. */
  now(): DateTime;
  newId(): string;
  /** How a personal free-text field is stored; by default sealed as the course API seals it. */
  store?(text: string): unknown;
}

export type Outcome = { ok: true; events: number } | { ok: false; code: string };

const sealed = (text: string) => ({ sealed: Buffer.from(text).toString('base64') });

/**
 * Sends commands through the domain's deciders and appends what they decide, as the
 * course API does, keeping each stream's revision and state in memory (the only
 * writer of its streams): for tests and workloads that need real domain events.
 */
export class DomainCommands {
  readonly reference: ReferenceData = loadReferenceData();
  private readonly streams = new Map<string, { revision: number; state: unknown }>();

  constructor(private readonly eventStore: EventStore, private readonly options: DomainCommandsOptions) {}

  /** The state of a stream as its decider folds it, or undefined before its first event. */
  state<S>(stream: string): S | undefined {
    return this.streams.get(stream)?.state as S | undefined;
  }

  async send(command: DomainCommand, actor: Actor = { id: 'test-clinician', role: 'clinician' }): Promise<Outcome> {
    const entry = commandCatalogEntry(command.type);
    if (!entry) throw new Error(`Unknown command ${command.type}`);
    const parsed = entry.parse(command);
    if (!parsed.success) throw new Error(`Invalid ${command.type}: ${parsed.error.message}`);
    const name = entry.streamNameOf(parsed.data);
    const stream = this.streams.get(name) ?? { revision: -1, state: entry.decider.initialState };
    const context = { now: this.options.now(), newId: this.options.newId, reference: this.reference, config: defaultDomainConfig };
    const decision = entry.decider.decide(parsed.data, stream.state, context);
    if (!decision.ok) return { ok: false, code: decision.error.code };
    const events = decision.events.map((event) => {
      const definition = entry.events.get(event.type);
      if (!definition) throw new Error(`${event.type} is not an event of ${entry.stream}`);
      return { event: { type: event.type, data: definition.schema.parse(event.data) as Record<string, unknown> }, definition };
    });
    const storeText = this.options.store ?? sealed;
    const stored: EventData[] = events.map(({ event, definition }) => ({
      id: this.options.newId(),
      type: event.type,
      data: Object.fromEntries(Object.entries(event.data).map(([field, value]) =>
        [field, definition.personalFields.includes(field) && typeof value === 'string' ? storeText(value) : value])),
      metadata: {
        occurredAt: String(event.data.occurredAt),
        actor,
        correlationId: this.options.newId(),
        causationId: null,
        schemaVersion: definition.version,
      },
    }));
    await this.eventStore.appendToStream(name, stored, { expected: stream.revision === -1 ? 'no_stream' : stream.revision });
    this.streams.set(name, {
      revision: stream.revision + stored.length,
      state: events.reduce((state, { event }) => entry.decider.evolve(state, event), stream.state),
    });
    return { ok: true, events: stored.length };
  }
}
