export { startProjector, type Projector, type ProjectorConfig } from './projector.js';
export { loadProjectorConfig, ConfigError } from './config.js';
export { assertValidDefinition, InvalidProjectionError, type ProjectionDefinition, type ReadModelView } from './projectionDefinition.js';
export { NOTIFY_CHANNEL, parseProjectionNotification, type ProjectionNotification } from './notifyChannel.js';
export { VIEW_SCHEMA, ViewNameTakenError } from './readModelViews.js';
export { requestRebuild } from './requestRebuild.js';
export { BuildInProgressError } from './createBuild.js';
export type { Build, BuildStatus } from './projectionBuilds.js';
export type { ProjectionStatus, WorkerState } from './projectionWorker.js';
export { allProjections, courses, eventCounts, medication, patientUnits, referrals, tapering, timeline } from './projections/index.js';
//# sourceMappingURL=index.d.ts.map