import type { Principal } from '../auth/principal.js';
import type { ProblemError } from './problem.js';

// What the service's middleware attaches to each request.
declare module 'express-serve-static-core' {
  interface Request {
    /** Set first thing; names the request in logs and in problem `instance`s. */
    requestId: string;
    /** Set when the request carries a valid bearer token. */
    principal?: Principal;
    /** Why the bearer token was refused, reported only if the route needs a principal. */
    authFailure?: ProblemError;
    /** The matched route's template (`/patients/:patientId`): logs and metrics never see real paths. */
    routeTemplate?: string;
  }
}
