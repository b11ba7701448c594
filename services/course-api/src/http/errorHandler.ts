import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { toProblemError } from './errorMapping.js';
import { ProblemError } from './problem.js';

/**
 * What may be logged of an unexpected error: its class, code and stack frames. Not its
 * message: database and library messages can quote the values that caused them.
 */
function loggable(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    name: error.name,
    code: (error as { code?: unknown }).code,
    frames: error.stack?.split('\n').slice(1).map((line) => line.trim()),
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
