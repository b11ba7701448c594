import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { AnyRoute } from '../http/route.js';
import { makeNationalIdentityNumber } from '../vault/nationalIdentityNumberGenerator.js';
import { registerPatient } from '../testing/patients.js';
import { arbitraryFor, type FuzzSamples } from '../testing/schemaArbitrary.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { patientUser, users } from '../testing/users.js';
import { apiRoutes } from './apiRoutes.js';

/**
 * Every route, 1,000 generated requests each, from every kind of caller: never a 5xx,
 * and a refused request (4xx) leaves every table and the event store as they were.
 */
const RUNS_PER_ROUTE = 1000;
// A few seconds per route on an idle machine; generous for a loaded CI runner.
const FUZZ_TIMEOUT_MS = 180_000;

let app: TestApp;
let samples: FuzzSamples;
const bearers: (string | undefined)[] = [];

beforeAll(async () => {
  app = await startTestApp({ projector: true });
  const patients = [
    await registerPatient(app, users.clinicianAsgard, 'unn-asgard'),
    await registerPatient(app, users.clinicianVegsund, 'vegsund-dps'),
  ];
  const numbers = [
    ...Array.from({ length: 20 }, (_, index) => makeNationalIdentityNumber('1990-05-17', { index })),
    makeNationalIdentityNumber('1990-05-17', { dNumber: true }),
  ];
  samples = {
    byField: {
      patientId: [...patients, randomUUID()],
      unitId: ['unn-asgard', 'vegsund-dps'],
      atc: ['N06AB06', 'N05AH03'],
      nationalIdentityNumber: numbers,
      name: ['Kari', 'kari nordmann0', 'Ødegård'],
      givenName: ['Kari', 'Åse Marie'],
      familyName: ['Nordmann', 'Ødegård'],
      requestReference: ['case-1', 'ref/2026:7'],
      email: ['kari@example.no'],
      phone: ['+47 912 34 567'],
      address: ['Storgata 1, 9008 Tromsø'],
    },
    strings: [...patients, ...numbers, 'unn-asgard', 'Kari'],
  };
  for (const user of [users.admin, users.clinicianAsgard, users.clinicianVegsund, users.researcher, patientUser(patients[0] ?? '')]) {
    bearers.push(await app.bearer(user));
  }
  bearers.push(undefined);
});
afterAll(() => app.close());

/** Row counts of every table the API writes, and the store's head: one round trip. */
async function footprint(): Promise<unknown> {
  const tables = ['vault_identities', 'vault_patient_keys', 'vault_blind_index', 'vault_erasures', 'patient_units', 'access_log', 'idempotency_keys'];
  const counts = await app.pool.query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
  return { ...counts.rows[0], events: await app.eventStore.headPosition() };
}

const segment = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value) ?? '');

function requestArbitrary(route: AnyRoute) {
  const params = route.params ? arbitraryFor(route.params, samples) : fc.constant({});
  const query = route.query ? arbitraryFor(route.query, samples) : fc.constant({});
  const body = route.body
    ? fc.oneof({ arbitrary: arbitraryFor(route.body, samples).map((value) => JSON.stringify(value) ?? 'null'), weight: 9 }, { arbitrary: fc.string(), weight: 1 })
    : fc.constant(undefined);
  return fc.record({
    params,
    query,
    body,
    bearer: fc.constantFrom(...bearers),
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })), { freq: 3 }),
  });
}

function urlOf(route: AnyRoute, params: unknown, query: unknown): string {
  const values = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const path = route.path.replace(/:(\w+)/g, (_match, name: string) => segment(values[name] ?? randomUUID()));
  const search = typeof query === 'object' && query !== null
    ? new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value) ?? ''])).toString()
    : '';
  return `${app.url}${path}${search ? `?${search}` : ''}`;
}

const only = process.env.FUZZ_ONLY;
describe.each(apiRoutes.filter((route) => only === undefined || route.operationId === only).map((route) => [route.operationId, route] as const))('%s', (_name, route) => {
  test(`${RUNS_PER_ROUTE} generated requests: no 5xx, and refusals write nothing`, async () => {
    // The footprint after a refusal is the one before the next request; only successes change it.
    let known: unknown;
    await fc.assert(fc.asyncProperty(requestArbitrary(route), async (request) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (request.bearer) headers.Authorization = request.bearer;
      if (request.idempotencyKey !== null && /^[\x20-\x7e]*$/.test(request.idempotencyKey)) headers['Idempotency-Key'] = request.idempotencyKey;
      const before = known ?? (await footprint());
      known = undefined;
      const response = await fetch(urlOf(route, request.params, request.query), { method: route.method.toUpperCase(), headers, body: request.body });
      const text = await response.text();
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await footprint()).toEqual(before);
        known = before;
      }
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }), { numRuns: RUNS_PER_ROUTE });
  }, FUZZ_TIMEOUT_MS);
});
