import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { principalKey } from '../auth/principal.js';
import { ProblemError } from './problem.js';

const WINDOW_MS = 60_000;
const WINDOW_SECONDS = WINDOW_MS / 1000;

interface Window {
  hits: number;
  readonly resetsAt: number;
  /** The RateLimit-Policy header, partition key included: hashed once per window, not per request. */
  readonly policyHeader: string;
}

// As express-rate-limit's draft-8 headers: a short digest of the key, so the header names no subject.
const partitionKeyOf = (key: string) => Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');

/**
 * Requests per minute per token subject, or per client address for anonymous callers
 * (and callers whose token was refused, so bad tokens cannot dodge the limit). A fixed
 * window per key, like express-rate-limit's memory store, with its IETF draft-8
 * `RateLimit` and `RateLimit-Policy` headers; kept here in a few synchronous lines
 * because that middleware's per-request cost (awaits, validations, a hash for the
 * headers) showed in the service's profile.
 */
export function rateLimitPerSubject(perMinute: number): RequestHandler {
  const policyName = `"${perMinute}-in-1min"`;
  const windows = new Map<string, Window>();
  let nextSweep = Date.now() + WINDOW_MS;
  return (req, res, next) => {
    const now = Date.now();
    // Once a window, drop the windows that have ended: the map holds only recent callers.
    if (now >= nextSweep) {
      for (const [key, window] of windows) if (window.resetsAt <= now) windows.delete(key);
      nextSweep = now + WINDOW_MS;
    }
    const key = req.principal ? `subject:${principalKey(req.principal)}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    let window = windows.get(key);
    if (window === undefined || window.resetsAt <= now) {
      window = { hits: 0, resetsAt: now + WINDOW_MS, policyHeader: `${policyName}; q=${perMinute}; w=${WINDOW_SECONDS}; pk=:${partitionKeyOf(key)}:` };
      windows.set(key, window);
    }
    window.hits += 1;
    const resetSeconds = Math.max(0, Math.ceil((window.resetsAt - now) / 1000));
    res.setHeader('RateLimit', `${policyName}; r=${Math.max(perMinute - window.hits, 0)}; t=${resetSeconds}`);
    res.setHeader('RateLimit-Policy', window.policyHeader);
    if (window.hits <= perMinute) return next();
    next(new ProblemError('rate-limited', `At most ${perMinute} requests per minute; retry later`, {}, { 'Retry-After': String(WINDOW_SECONDS) }));
  };
}
