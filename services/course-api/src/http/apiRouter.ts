import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { requirePrincipal } from '../auth/authenticate.js';
import { authorize } from '../auth/policy.js';
import { principalKey, type Principal } from '../auth/principal.js';
import type { StoredResponse } from '../idempotency/idempotencyStore.js';
import { requestHash } from '../idempotency/requestHash.js';
import { idempotencyKeyFrom, withIdempotency } from '../idempotency/withIdempotency.js';
import type { AppServices } from '../services.js';
import { ProblemError, validationProblem, type FieldError } from './problem.js';
import { unstorableText } from './storableText.js';
import { etagOf, expectedRevisionFrom } from './revisionHeaders.js';
import { changesState, type AnyRoute, type HandlerContext, type RouteInput } from './route.js';

type Input = RouteInput<unknown, unknown, unknown>;

function parsePart(location: 'params' | 'query' | 'body', schema: z.ZodType | undefined, value: unknown, errors: FieldError[]): unknown {
  if (schema === undefined) return location === 'body' ? undefined : {};
  const result = schema.safeParse(value);
  if (result.success) {
    errors.push(...unstorableText(result.data, location));
    return result.data;
  }
  errors.push(...result.error.issues.map((issue) => ({ path: [location, ...issue.path.map(String)].join('.'), message: issue.message })));
  return undefined;
}

/** Every invalid field of params, query and body at once, as one 400 problem. */
function parseInput(route: AnyRoute, req: Request): Input {
  const errors: FieldError[] = [];
  const input = {
    params: parsePart('params', route.params, req.params, errors),
    query: parsePart('query', route.query, req.query, errors),
    body: parsePart('body', route.body, req.body, errors),
  };
  if (errors.length > 0) throw validationProblem(errors);
  return input;
}

async function requireGrant(route: AnyRoute, principal: Principal, input: Input, services: AppServices) {
  const grant = await authorize(route.policy, principal, input, services.directory);
  if (grant) return grant;
  // The same refusal whether or not the patient exists: no policy looks a patient up
  // beyond the caller's own units, so a 403 confirms nothing about anyone.
  throw new ProblemError('forbidden', 'You may not do this');
}

/** Runs the handler, shapes the body by the response schema, and logs reads of patient data. */
async function execute(route: AnyRoute, context: HandlerContext<Input>): Promise<StoredResponse> {
  const result = await route.handler(context);
  // Parsing strips anything the schema does not name: a handler cannot leak extra fields.
  const body: unknown = route.response.schema.parse(result.body);
  const { principal, grant, services } = context;
  if (route.accessLog) {
    const ownPatientId = principal.role === 'patient' ? principal.patientId : null;
    const at = services.clock.now();
    const { resource } = route.accessLog;
    await services.accessLog.record(route.accessLog.patients(context.input, body)
      .filter((patientId) => patientId !== ownPatientId)
      .map((patientId) => ({
        patientId, at, resource, actorSubject: principal.subject, actorRole: principal.role, unitId: grant.unitId, requestId: context.requestId,
      })));
  }
  const headers: Record<string, string> = {};
  if (result.revision !== undefined) headers.ETag = etagOf(result.revision);
  if (result.location !== undefined) headers.Location = result.location;
  return { status: route.response.status, body, headers };
}

function send(res: Response, response: StoredResponse): void {
  res.status(response.status).set(response.headers).json(response.body);
}

/**
 * The express router generated from the route table. Per request: who (401), valid
 * input (400), allowed (403/404), preconditions, then at most once per Idempotency-Key.
 */
export function buildApiRouter(routes: readonly AnyRoute[], services: AppServices): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      req.routeTemplate = route.path;
      const principal = requirePrincipal(req);
      const input = parseInput(route, req);
      const grant = await requireGrant(route, principal, input, services);
      const expectedRevision = expectedRevisionFrom(req.get('if-match'), route.ifMatch);
      const key = changesState(route) ? idempotencyKeyFrom(req.get('idempotency-key')) : undefined;
      const scope = principalKey(principal);
      const idempotent = key === undefined
        ? undefined
        : { scope, key, hash: requestHash({ scope, method: route.method, path: req.baseUrl + req.path, ifMatch: req.get('if-match'), body: req.body }) };
      send(res, await withIdempotency(services.idempotency, idempotent, (newId) =>
        execute(route, { input, principal, grant, services, requestId: req.requestId, expectedRevision, newId })));
    });
  }
  return router;
}
