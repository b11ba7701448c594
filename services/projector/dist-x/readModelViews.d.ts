import { type PoolClient } from 'pg';
import type { ReadModelView } from './projectionDefinition.js';
/** Where other services read: stable views onto whatever build serves, never the build's tables. */
export declare const VIEW_SCHEMA = "read_models";
export declare class ViewNameTakenError extends Error {
    readonly view: string;
    readonly code = "view_name_taken";
    constructor(view: string);
}
/**
 * Points the views at the build: `read_models.<table>` for each table (except the
 * handler's private `_` tables), then the definition's own views.
 */
export declare function showBuild(tx: PoolClient, schema: string, views: readonly ReadModelView[]): Promise<void>;
/**
 * Drops every view onto the build's tables, and views on those views, found through
 * PostgreSQL's dependencies rather than a definition: the build may be of a version
 * whose code is gone.
 */
export declare function hideBuild(tx: PoolClient, schema: string): Promise<void>;
//# sourceMappingURL=readModelViews.d.ts.map