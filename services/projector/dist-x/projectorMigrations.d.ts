import type { Migration } from '@medfri/postgres-migrations';
/** The projector's own bookkeeping: which build of each projection serves, and how far each build is. */
export declare const projectorMigrations: readonly Migration[];
//# sourceMappingURL=projectorMigrations.d.ts.map