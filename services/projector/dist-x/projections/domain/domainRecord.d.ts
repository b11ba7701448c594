import { type StreamKind } from '@medfri/domain';
import type { RecordedEvent } from '@medfri/event-store';
/**
 * A stored domain event, upcast and validated, with its free text left out. Shared by
 * every projection reading the same stored event (see toDomainRecord): never changed.
 */
export interface DomainRecord {
    readonly position: number;
    readonly eventId: string;
    readonly stream: string;
    /** Place in its stream, from 0. */
    readonly revision: number;
    readonly streamKind: StreamKind;
    readonly streamId: string;
    readonly type: string;
    /** The event's data in its current shape; personal free-text fields hold SEALED, never their content. */
    readonly data: Readonly<Record<string, unknown>>;
    /** The domain event as deciders' `evolve` takes it. */
    readonly event: {
        readonly type: string;
        readonly data: unknown;
    };
    /** Clinical time and store time, ISO 8601 UTC. */
    readonly occurredAt: string;
    readonly recordedAt: string;
    readonly actorRole: string;
    /** Names of the personal free-text fields the event carries (sealed in storage): that a note exists, not what it says. */
    readonly sealedFields: readonly string[];
}
/** What stands in for every personal free-text field: read models never see the text. */
export declare const SEALED = "[sealed]";
/** Every domain event type: projections over domain events skip anything else in the store. */
export declare const domainEventTypes: readonly string[];
/**
 * Parses a stored event of a domain stream. The service stores personal free text sealed
 * (not as the string the schema expects), so each such field is replaced by SEALED before
 * validation: that keeps the schema checks for everything else and keeps the text out.
 * Undefined for anything that is not a domain event on a domain stream.
 */
export declare function toDomainRecord(recorded: RecordedEvent): DomainRecord | undefined;
/** The batch's domain events, in position order. */
export declare function toDomainRecords(events: readonly RecordedEvent[]): DomainRecord[];
//# sourceMappingURL=domainRecord.d.ts.map