"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DomainCommands = void 0;
const domain_1 = require("@medfri/domain");
const reference_data_1 = require("@medfri/reference-data");
const sealed = (text) => ({ sealed: Buffer.from(text).toString('base64') });
/**
 * Sends commands through the domain's deciders and appends what they decide, as the
 * course API does, keeping each stream's revision and state in memory (the only
 * writer of its streams): for tests and workloads that need real domain events.
 */
class DomainCommands {
    eventStore;
    options;
    reference = (0, reference_data_1.loadReferenceData)();
    streams = new Map();
    constructor(eventStore, options) {
        this.eventStore = eventStore;
        this.options = options;
    }
    /** The state of a stream as its decider folds it, or undefined before its first event. */
    state(stream) {
        return this.streams.get(stream)?.state;
    }
    async send(command, actor = { id: 'test-clinician', role: 'clinician' }) {
        const entry = (0, domain_1.commandCatalogEntry)(command.type);
        if (!entry)
            throw new Error(`Unknown command ${command.type}`);
        const parsed = entry.parse(command);
        if (!parsed.success)
            throw new Error(`Invalid ${command.type}: ${parsed.error.message}`);
        const name = entry.streamNameOf(parsed.data);
        const stream = this.streams.get(name) ?? { revision: -1, state: entry.decider.initialState };
        const context = { now: this.options.now(), newId: this.options.newId, reference: this.reference, config: domain_1.defaultDomainConfig };
        const decision = entry.decider.decide(parsed.data, stream.state, context);
        if (!decision.ok)
            return { ok: false, code: decision.error.code };
        const events = decision.events.map((event) => {
            const definition = entry.events.get(event.type);
            if (!definition)
                throw new Error(`${event.type} is not an event of ${entry.stream}`);
            return { event: { type: event.type, data: definition.schema.parse(event.data) }, definition };
        });
        const storeText = this.options.store ?? sealed;
        const stored = events.map(({ event, definition }) => ({
            id: this.options.newId(),
            type: event.type,
            data: Object.fromEntries(Object.entries(event.data).map(([field, value]) => [field, definition.personalFields.includes(field) && typeof value === 'string' ? storeText(value) : value])),
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
exports.DomainCommands = DomainCommands;
//# sourceMappingURL=domainCommands.js.map