export * from './kernel/domainError.js';
export * from './kernel/decision.js';
export * from './kernel/decider.js';
export * from './kernel/decisionContext.js';
export * from './kernel/domainConfig.js';
export * from './kernel/eventDefinition.js';
export * from './kernel/primitives.js';
export * from './course/courseState.js';
export type { CourseArea } from './course/courseArea.js';
