import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { toProblemError } from './errorMapping.js';
import { ProblemError } from './problem.js';

/**
 * What may be logged of an unexpected error: its class, code and stack frames. Not its
 * message: database and library messages can quote the values that caused them.
 */
function loggable(error: unknown) {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const { name, code, stack } = error as { name?: unknown; code?: unknown; stack?: unknown };
  return {
    name,
    code,
    frames: typeof stack === 'string' ? stack.split('\n').slice(1).map((line) => line.trim()) : undefined,
  };
}

/** Unknown paths end as a 404 problem like everything else. */
export const notFound: RequestHandler = () => {
  throw new ProblemError('not-found', 'No such endpoint');
};

/** Every error ends here as RFC 9457 problem+json; nothing else about it leaves the process. */
export function problemResponder(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = toProblemError(error);
    if (problem.status >= 500) {
      logger[problem.kind === 'internal' ? 'error' : 'warn']({ requestId: req.requestId, route: req.routeTemplate, error: loggable(error) }, problem.kind);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(problem.status).set(problem.headers).type('application/problem+json')
      .send(JSON.stringify(problem.toProblem(`urn:uuid:${req.requestId}`)));
  };
}
