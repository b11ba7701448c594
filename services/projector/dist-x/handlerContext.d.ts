import type { EventStore } from '@medfri/event-store';
/**
 * What a handler may use besides the batch and its transaction, for one run of a build:
 * from the follower taking it up until it stops, fails or is fenced out.
 */
export interface HandlerContext {
    /** The store being followed, for what a handler needs beyond the batch (a stream's earlier events). */
    readonly store: EventStore;
    /**
     * Memory kept from batch to batch of this run, one per owner, created on first use. A
     * run ends whenever a batch is not committed (a failure, a fence), so what a handler
     * remembers never runs ahead of what its build has committed.
     */
    remember<T>(owner: object, create: () => T): T;
}
export declare function createHandlerContext(store: EventStore): HandlerContext;
//# sourceMappingURL=handlerContext.d.ts.map