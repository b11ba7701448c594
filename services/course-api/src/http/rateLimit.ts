import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { principalKey } from '../auth/principal.js';
import { ProblemError } from './problem.js';

/**
 * Requests per minute per token subject, or per client address for anonymous callers
 * (and callers whose token was refused, so bad tokens cannot dodge the limit).
 */
export function rateLimitPerSubject(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => (req.principal ? `subject:${principalKey(req.principal)}` : `ip:${ipKeyGenerator(req.ip ?? '')}`),
    handler: (_req, _res, next, options) => {
      next(new ProblemError('rate-limited', `At most ${perMinute} requests per minute; retry later`, {}, {
        'Retry-After': String(Math.ceil(options.windowMs / 1000)),
      }));
    },
  });
}
