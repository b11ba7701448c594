export * from './schemas.js';
export * from './referenceData.js';
export { loadReferenceData, defaultReferenceDirectory } from './loadReferenceData.js';
