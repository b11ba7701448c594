"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.domainEventTypes = exports.SEALED = void 0;
exports.toDomainRecord = toDomainRecord;
exports.toDomainRecords = toDomainRecords;
const domain_1 = require("@medfri/domain");
const storedShape_js_1 = require("./storedShape.js");
/** What stands in for every personal free-text field: read models never see the text. */
exports.SEALED = '[sealed]';
/** Every domain event type: projections over domain events skip anything else in the store. */
exports.domainEventTypes = domain_1.domainEvents.definitions.map((definition) => definition.type);
const storedShapes = new Map(domain_1.domainEvents.definitions.map((definition) => [definition.type, (0, storedShape_js_1.storedShapeOf)(definition.schema)]));
/**
 * Parsing (upcasting, validating) is a large part of what projections spend per event,
 * and the followers of one process get the very same event objects (SharedCatchUp,
 * LiveTail): the record is kept on the event object itself, so each event is parsed
 * once per process however far apart its followers are. Non-enumerable, so the event
 * reads and compares as before.
 */
const PARSED = Symbol('domain record');
/**
 * Parses a stored event of a domain stream. The service stores personal free text sealed
 * (not as the string the schema expects), so each such field is replaced by SEALED before
 * validation: that keeps the schema checks for everything else and keeps the text out.
 * Undefined for anything that is not a domain event on a domain stream.
 */
function toDomainRecord(recorded) {
    const known = recorded[PARSED];
    if (known !== undefined)
        return known ?? undefined;
    const record = parse(recorded);
    Object.defineProperty(recorded, PARSED, { value: record ?? null });
    return record;
}
function parse(recorded) {
    const stream = (0, domain_1.parseStreamName)(recorded.stream);
    const definition = domain_1.domainEvents.get(recorded.type);
    if (!stream || !definition)
        return undefined;
    const { schemaVersion } = recorded.metadata;
    const data = (recorded.data ?? {});
    // Most types have no personal field: their (empty, never changed) list is shared rather than filtered afresh.
    const sealedFields = definition.personalFields.length === 0
        ? definition.personalFields
        : definition.personalFields.filter((field) => data[field] !== undefined && data[field] !== null);
    // Copied only to seal: the data is otherwise shared with the stored event, never changed.
    const stored = sealedFields.length === 0 ? data : { ...data };
    for (const field of sealedFields)
        stored[field] = exports.SEALED;
    // The schema's parse is most of parsing's cost; data of the current version in the
    // schema's shape was validated by it when decided (see storedShape.ts).
    const event = schemaVersion === definition.version && storedShapes.get(recorded.type)(stored)
        ? { type: recorded.type, data: stored }
        : domain_1.domainEvents.parse(recorded.type, stored, schemaVersion);
    return {
        position: recorded.position,
        eventId: recorded.id,
        stream: recorded.stream,
        revision: recorded.revision,
        streamKind: stream.kind,
        streamId: stream.id,
        type: event.type,
        data: event.data,
        event,
        occurredAt: String(event.data.occurredAt),
        recordedAt: recorded.metadata.recordedAt,
        actorRole: recorded.metadata.actor.role,
        sealedFields,
    };
}
/** The batch's domain events, in position order. */
function toDomainRecords(events) {
    return events.flatMap((event) => toDomainRecord(event) ?? []);
}
//# sourceMappingURL=domainRecord.js.map