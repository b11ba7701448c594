import { apiRoutes } from '../routes/apiRoutes.js';
import { buildOpenApiDocument } from './openApi.js';

const document = buildOpenApiDocument(apiRoutes, { title: 'Test', version: '1' });

/** The value at a path of keys in the document (undefined where it has none). */
const dig = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

test('every route of the table is an operation, under its OpenAPI path', () => {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${(op as { operationId: string }).operationId}`));
  expect(operations.sort()).toEqual(apiRoutes.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')} ${r.operationId}`).sort());
  expect(document.openapi).toBe('3.1.0');
});

test('request and response schemas come from the zod schemas, with their constraints', () => {
  const register = dig(document.paths, '/patients', 'post');
  const body = dig(register, 'requestBody', 'content', 'application/json', 'schema');
  expect(dig(body, 'required')).toEqual(['unitId', 'identity']);
  expect(dig(body, 'additionalProperties')).toBe(false);
  expect(dig(body, 'properties', 'identity', 'properties', 'nationalIdentityNumber')).toMatchObject({ type: 'string', pattern: '^\\d{11}$' });
  expect(dig(register, 'responses', '201', 'content', 'application/json', 'schema', 'properties', 'patientId')).toMatchObject({ format: 'uuid' });
  expect(dig(register, 'parameters')).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]);
  expect(dig(register, 'responses', '400', 'content', 'application/problem+json', 'schema')).toEqual({ $ref: '#/components/schemas/Problem' });
  expect(dig(register, 'description')).toMatch(/Allowed for a clinician working at the unit, or an administrator/);
});

test('path and query parameters are listed with their schemas', () => {
  const log = dig(document.paths, '/patients/{patientId}/access-log', 'get');
  expect(dig(log, 'parameters')).toEqual([
    expect.objectContaining({ name: 'patientId', in: 'path', required: true, schema: expect.objectContaining({ format: 'uuid' }) }),
    expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ maximum: 500, default: 100 }) }),
  ]);
  expect(dig(log, 'responses', '403')).toBeDefined();
});

test('the problem schema is a component', () => {
  expect(document.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail', 'instance'] });
});
