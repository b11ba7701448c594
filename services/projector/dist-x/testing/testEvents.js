"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.appendTestEvents = appendTestEvents;
const node_crypto_1 = require("node:crypto");
const CATEGORIES = ['referral', 'course', 'patient'];
const TYPES = ['Opened', 'Noted', 'Closed'];
function testEvent(type) {
    return {
        id: (0, node_crypto_1.randomUUID)(),
        type,
        data: { occurredAt: '2025-01-01T00:00:00.000Z' },
        metadata: { occurredAt: '2025-01-01T00:00:00.000Z', actor: { id: 'test', role: 'system' }, correlationId: (0, node_crypto_1.randomUUID)(), schemaVersion: 1 },
    };
}
/**
 * Appends `count` events over a few streams of each category, `perAppend` at a time,
 * and returns how many of each category and type it wrote.
 */
async function appendTestEvents(store, count, perAppend = 50) {
    const written = new Map();
    for (let done = 0; done < count; done += perAppend) {
        const size = Math.min(perAppend, count - done);
        const category = CATEGORIES[(done / perAppend) % CATEGORIES.length];
        const events = Array.from({ length: size }, (_, i) => testEvent(TYPES[(done + i) % TYPES.length]));
        await store.appendToStream(`${category}-${done % 7}`, events);
        for (const event of events)
            written.set(`${category}/${event.type}`, (written.get(`${category}/${event.type}`) ?? 0) + 1);
    }
    return written;
}
//# sourceMappingURL=testEvents.js.map