export { startEmbeddedCluster, type EmbeddedCluster, type EmbeddedClusterOptions } from './embeddedCluster.js';
export { freePort } from './freePort.js';
export { startTemporaryCluster } from './temporaryCluster.js';
