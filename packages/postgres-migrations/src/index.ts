export { migrate, isMigrated, MigrationOrderError, type Migration, type AppliedMigration } from './migrate.js';
