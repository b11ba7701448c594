import { type DomainCommand } from '@medfri/domain';
import type { Actor, EventStore } from '@medfri/event-store';
import { type ReferenceData } from '@medfri/reference-data';
import type { DateTime } from 'luxon';
export interface DomainCommandsOptions {
    /** The simulated or real time each decision is made at. */
    now(): DateTime;
    newId(): string;
    /** How a personal free-text field is stored; by default sealed as the course API seals it. */
    store?(text: string): unknown;
}
export type Outcome = {
    ok: true;
    events: number;
} | {
    ok: false;
    code: string;
};
/**
 * Sends commands through the domain's deciders and appends what they decide, as the
 * course API does, keeping each stream's revision and state in memory (the only
 * writer of its streams): for tests and workloads that need real domain events.
 */
export declare class DomainCommands {
    private readonly eventStore;
    private readonly options;
    readonly reference: ReferenceData;
    private readonly streams;
    constructor(eventStore: EventStore, options: DomainCommandsOptions);
    /** The state of a stream as its decider folds it, or undefined before its first event. */
    state<S>(stream: string): S | undefined;
    send(command: DomainCommand, actor?: Actor): Promise<Outcome>;
}
//# sourceMappingURL=domainCommands.d.ts.map