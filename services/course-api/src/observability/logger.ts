import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs that carry ids, route templates, statuses and durations, never personal
 * data: nothing logs request bodies, and these paths are censored should one slip in.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'course-api' },
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'body', '*.body', 'identity', '*.identity'],
      censor: '[redacted]',
    },
  }, destination);
}
