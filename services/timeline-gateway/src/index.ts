export { startTimelineGateway, type TimelineGateway, type TimelineGatewayConfig } from './timelineGateway.js';
export { loadGatewayConfig, ConfigError } from './config.js';
export type { TrustedIssuer, Principal } from '@medfri/auth';
export type { AccessRecorder, TimelineAccessRecord } from './accessLog.js';
export * from './timelineProtocol.js';
