import type { EventStore } from '@medfri/event-store';
/**
 * Appends `count` events over a few streams of each category, `perAppend` at a time,
 * and returns how many of each category and type it wrote.
 */
export declare function appendTestEvents(store: EventStore, count: number, perAppend?: number): Promise<Map<string, number>>;
//# sourceMappingURL=testEvents.d.ts.map