import type { EventStore } from '@medfri/event-store';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { AccessLog } from './audit/accessLog.js';
import type { Clock } from './clock.js';
import type { CourseApiConfig } from './config.js';
import type { PatientDirectory } from './directory/patientDirectory.js';
import type { IdempotencyStore } from './idempotency/idempotencyStore.js';
import type { StreamStateCache } from './routes/streamStateCache.js';
import type { PersonalDataVault } from './vault/personalDataVault.js';

/** Everything a route handler may use; built once per app. */
export interface AppServices {
  config: CourseApiConfig;
  pool: Pool;
  eventStore: EventStore;
  clock: Clock;
  logger: Logger;
  vault: PersonalDataVault;
  directory: PatientDirectory;
  accessLog: AccessLog;
  idempotency: IdempotencyStore;
  /** Folded stream states between commands (see StreamStateCache). */
  streamStates: StreamStateCache;
}
