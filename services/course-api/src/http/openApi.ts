import { z } from 'zod';
import { describePolicy } from '../auth/policy.js';
import { REPLAY_HEADER } from '../idempotency/withIdempotency.js';
import { problemKinds, problemSchema, type ProblemKind } from './problem.js';
import { changesState, type AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) straight from the zod schema the router validates with. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(location: 'path' | 'query', schema: z.ZodType | undefined) {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

const headerParameter = (name: string, description: string, required: boolean) =>
  ({ name, in: 'header', required, description, schema: { type: 'string' } });

const problemResponse = (kind: ProblemKind) => ({
  description: problemKinds[kind].title,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The problems a route can answer with, by status. */
function problemResponses(route: AnyRoute) {
  const kinds: ProblemKind[] = ['validation', 'unauthenticated', 'forbidden'];
  if (route.body !== undefined) kinds.push('payload-too-large');
  if (changesState(route)) kinds.push('idempotency-key-reused');
  if (route.ifMatch !== undefined) kinds.push('revision-conflict');
  if (route.ifMatch === 'required') kinds.push('precondition-required');
  kinds.push('rate-limited', 'internal', 'unavailable');
  return Object.fromEntries(kinds.map((kind) => [String(problemKinds[kind].status), problemResponse(kind)]));
}

function operation(route: AnyRoute) {
  const headers = [
    ...(changesState(route) ? [headerParameter('Idempotency-Key', 'Retries with the same key return the first response and change nothing', false)] : []),
    ...(route.ifMatch ? [headerParameter('If-Match', 'The ETag of your last read; a stale one is refused (409)', route.ifMatch === 'required')] : []),
  ];
  const successHeaders = {
    ...(route.ifMatch ? { ETag: { description: 'The revision now', schema: { type: 'string' } } } : {}),
    ...(changesState(route) ? { [REPLAY_HEADER]: { description: 'Present on a replayed response', schema: { type: 'string' } } } : {}),
  };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, `Allowed for ${describePolicy(route.policy)}.`].filter(Boolean).join('\n\n'),
    tags: route.tags,
    security: [{ bearer: [] }],
    parameters: [...parameters('path', route.params), ...parameters('query', route.query), ...headers],
    ...(route.body !== undefined
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
      : {}),
    responses: {
      [String(route.response.status)]: {
        description: route.response.description,
        headers: successHeaders,
        content: { 'application/json': { schema: jsonSchema(route.response.schema, 'output') } },
      },
      ...problemResponses(route),
    },
  };
}

/** `/patients/:patientId` -> `/patients/{patientId}` */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The OpenAPI 3.1 document of a route table: every schema in it comes from the table's zod schemas. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Treatment-course records for medication-free mental health care. Errors are RFC 9457 problem details.' },
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
