export * from './port.js';
export * from './errors.js';
export { isConnectionFailure } from './postgres/connectionErrors.js';
export { DEFAULT_MAX_PAYLOAD_BYTES } from './validation.js';
export { createInMemoryEventStore, type InMemoryEventStoreOptions } from './inMemoryEventStore.js';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgresEventStore.js';
export { migrateEventStore, eventStoreMigrations, EVENT_STORE_COMPONENT } from './postgres/migrations.js';
