import { randomUUID } from 'node:crypto';
import type { Policy } from './policy.js';
import { domainCommandRoutes } from '../commands/domainCommandRoutes.js';
import type { AnyRoute } from '../http/route.js';
import { apiRoutes } from '../routes/apiRoutes.js';
import { newIdentity, registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { validBody } from '../testing/validRequest.js';
import type { TestUser } from '../testing/testIssuer.js';
import { patientUser, users } from '../testing/users.js';

/**
 * Every route x every role x own/other unit or patient. The expected status is derived
 * from the route's policy (as data), independently of the code that enforces it; each
 * route must have a scenario here, so a new route cannot skip the matrix.
 */
type Relation = 'own' | 'other';
type Caller = 'anonymous' | 'clinician' | 'patient' | 'admin' | 'researcher';
const callers: Caller[] = ['anonymous', 'clinician', 'patient', 'admin', 'researcher'];
const relations: Relation[] = ['own', 'other'];

// "own": the clinician's unit (unn-asgard) and a patient in care there, who is also the
// calling patient. "other": another unit (vegsund-dps) and a patient in care only there.
const OWN_UNIT = 'unn-asgard';
const OTHER_UNIT = 'vegsund-dps';

interface Scenario {
  /** The patient who calls as "patient", and the request to make for the relation. */
  prepare(relation: Relation): Promise<{ ownPatient: string; method: AnyRoute['method']; url: string; body?: unknown }>;
  /**
   * Domain commands get a body that passes validation, not one that suits the stream's
   * state: once authorized, a refusal by a domain rule (422) counts as let through.
   */
  domainRefusalCountsAsAllowed?: boolean;
}

let app: TestApp;
let ownPatient: string;
let otherPatient: string;

const unitFor = (relation: Relation) => (relation === 'own' ? OWN_UNIT : OTHER_UNIT);
const patientFor = (relation: Relation) => (relation === 'own' ? ownPatient : otherPatient);

// Values that make the generated command bodies valid (ATC codes have a pattern).
const bodySamples = { byField: { unitId: [OWN_UNIT], atc: ['N06AB06'] }, strings: ['Samtale om nedtrapping'] };

/** Every domain command, addressed to the relation's unit and patient, with a valid body. */
function commandScenario(route: AnyRoute): Scenario {
  let body: unknown;
  return {
    domainRefusalCountsAsAllowed: true,
    prepare: async (relation) => {
      body ??= validBody(route, bodySamples);
      const url = route.path.replace(':unitId', unitFor(relation)).replace(':patientId', patientFor(relation)).replace(':referralId', randomUUID());
      return { ownPatient, method: route.method, url, body };
    },
  };
}

const scenarios: Record<string, Scenario> = {
  ...Object.fromEntries(domainCommandRoutes.map((route) => [route.operationId, commandScenario(route)])),
  registerPatient: {
    prepare: async (relation) => ({ ownPatient, method: 'post', url: '/patients', body: { unitId: unitFor(relation), identity: newIdentity() } }),
  },
  searchPatients: {
    prepare: async (relation) => ({ ownPatient, method: 'post', url: `/units/${unitFor(relation)}/patients/search`, body: { name: 'Kari' } }),
  },
  readIdentity: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/patients/${patientFor(relation)}/identity` }),
  },
  erasePatient: {
    // Erasing is irreversible: every case gets patients of its own.
    async prepare(relation) {
      const fresh = await registerPatient(app, users.clinicianAsgard, OWN_UNIT);
      const target = relation === 'own' ? fresh : await registerPatient(app, users.clinicianVegsund, OTHER_UNIT);
      return { ownPatient: fresh, method: 'post', url: `/patients/${target}/erasure`, body: { requestReference: 'case-1', verification: 'electronic-id' } };
    },
  },
  readCourse: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/units/${unitFor(relation)}/patients/${patientFor(relation)}/course` }),
  },
  readCourseTimeline: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/units/${unitFor(relation)}/patients/${patientFor(relation)}/course/timeline?limit=10` }),
  },
  readPatientCourses: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/patients/${patientFor(relation)}/courses` }),
  },
  readUnitCensus: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/units/${unitFor(relation)}/census` }),
  },
  readReferralFunnel: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/units/${unitFor(relation)}/referral-funnel` }),
  },
  readOwnAccessLog: {
    prepare: async (relation) => ({ ownPatient, method: 'get', url: `/patients/${patientFor(relation)}/access-log` }),
  },
};

function allowed<I>(policy: Policy<I>, caller: Caller, relation: Relation): boolean {
  switch (policy.kind) {
    case 'admin':
      return caller === 'admin';
    case 'clinicianOfUnit':
    case 'clinicianOfPatient':
      return caller === 'clinician' && relation === 'own';
    case 'patientSelf':
      return caller === 'patient' && relation === 'own';
    case 'anyOf':
      return policy.policies.some((alternative) => allowed(alternative, caller, relation));
  }
}

function expectedStatus(route: AnyRoute, caller: Caller, relation: Relation): number {
  if (caller === 'anonymous') return 401;
  return allowed(route.policy, caller, relation) ? route.response.status : 403;
}

function userFor(caller: Exclude<Caller, 'anonymous'>, patient: string): TestUser {
  const byCaller = { clinician: users.clinicianAsgard, admin: users.admin, researcher: users.researcher, patient: patientUser(patient) };
  return byCaller[caller];
}

beforeAll(async () => {
  app = await startTestApp({ projector: true });
  ownPatient = await registerPatient(app, users.clinicianAsgard, OWN_UNIT);
  otherPatient = await registerPatient(app, users.clinicianVegsund, OTHER_UNIT);
});
afterAll(() => app.close());

test('every route of the table has a scenario, and no scenario is left over', () => {
  expect(Object.keys(scenarios).sort()).toEqual(apiRoutes.map((route) => route.operationId).sort());
});

const cases = apiRoutes.flatMap((route) => callers.flatMap((caller) => relations.map((relation) => ({
  route, caller, relation, name: `${route.operationId} as ${caller} (${relation}) -> ${expectedStatus(route, caller, relation)}`,
}))));

test.each(cases)('$name', async ({ route, caller, relation }) => {
  const scenario = scenarios[route.operationId];
  if (!scenario) throw new Error(`No scenario for ${route.operationId}`);
  const request = await scenario.prepare(relation);
  let call = app.http()[request.method](request.url);
  if (caller !== 'anonymous') call = call.set('Authorization', await app.bearer(userFor(caller, request.ownPatient)));
  const response = await (request.body === undefined ? call : call.send(request.body as object));
  const status = expectedStatus(route, caller, relation);
  const kinds: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };
  const refusedByDomain = scenario.domainRefusalCountsAsAllowed === true && response.status === 422
    && String(response.body.type).startsWith('urn:medfri:problem:domain-rule:');
  const actual = refusedByDomain ? route.response.status : response.status;
  expect({ status: actual, outcome: actual >= 400 ? response.body.type : 'ok' })
    .toEqual({ status, outcome: kinds[status] ? `urn:medfri:problem:${kinds[status]}` : 'ok' });
});
