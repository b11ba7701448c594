import type { RecordedEvent } from '@medfri/event-store';
import type { HandlerContext } from './handlerContext.js';
import type { BatchWrites } from './batchWrites.js';
/**
 * A read model: its tables and how events change them. The runtime builds each
 * version into its own schema and exposes its tables as stable views, so the
 * definition never names a schema.
 */
export interface ProjectionDefinition {
    /** Lower-case identifier; names the lock, the registry row and the build schemas. */
    readonly name: string;
    /**
     * Raise it whenever the tables or what `handle` writes change: the new version is
     * built from position 0 into new tables while the old one keeps serving.
     */
    readonly version: number;
    /**
     * SQL creating the tables, run once per build with `search_path` set to the build's
     * own schema, so tables are created and referred to unqualified. Every table becomes
     * the view `read_models.<table>`, except tables whose name starts with `_` (private
     * working state of the handler).
     */
    readonly migrations: readonly string[];
    /**
     * Further views in `read_models` over the build's tables, created with `search_path`
     * set to the build's schema: aggregates, and figures that depend on the time of
     * reading (days on the current dose, overdue monitoring), which no event could keep up
     * to date. They switch over with the tables.
     */
    readonly views?: readonly ReadModelView[];
    /** Only events of these types reach `handle` (all others still advance the checkpoint); omit for all. */
    readonly eventTypes?: readonly string[];
    /**
     * Says how a batch, in position order, changes the tables: statements added to `writes`
     * run in the transaction that also advances the checkpoint (`search_path` is the build's
     * schema), all sent at once, so a handler cannot read what it writes. Delivery is at
     * least once, so the statements must be idempotent: upserts keyed by event id or
     * position, rows replaced by what a state derives. `context` lasts for the follower's
     * run and lets it keep what it derived from earlier batches in memory.
     */
    handle(events: readonly RecordedEvent[], writes: BatchWrites, context: HandlerContext): void | Promise<void>;
}
export interface ReadModelView {
    /** Unique across all projections, like table names. */
    readonly name: string;
    /** The view's SELECT, naming the build's tables (and views listed before it) unqualified. */
    readonly sql: string;
}
export declare class InvalidProjectionError extends Error {
    readonly code = "invalid_projection";
    constructor(name: string, reason: string);
}
/** Rejects definitions the runtime could not name safely in SQL or could not version. */
export declare function assertValidDefinition(definition: ProjectionDefinition): void;
//# sourceMappingURL=projectionDefinition.d.ts.map