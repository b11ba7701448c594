import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ProjectionStatus } from './projectionWorker.js';
export interface StatusServer {
    url: string;
    close(): Promise<void>;
}
export interface StatusServerOptions {
    host: string;
    port: number;
    pool: Pool;
    registry: Registry;
    projections: () => readonly ProjectionStatus[];
    log: Logger;
}
/** `/metrics` for Prometheus and `/healthz` (database reachable, and what each projection is doing). */
export declare function startStatusServer(options: StatusServerOptions): Promise<StatusServer>;
//# sourceMappingURL=statusServer.d.ts.map