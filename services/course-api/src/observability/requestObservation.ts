import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { HttpMetrics } from './metrics.js';

/**
 * Names each request (X-Request-Id) and, when it ends, logs and measures it by route
 * template: the real path may hold patient ids, the body personal data.
 */
export function observeRequests(logger: Logger, metrics: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.requestId = randomUUID();
    res.set('X-Request-Id', req.requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.routeTemplate ?? 'unmatched';
      metrics.observe({ method: req.method, route, status: res.statusCode }, seconds);
      logger.info({
        requestId: req.requestId,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
        role: req.principal?.role,
      }, 'request');
    });
    next();
  };
}
