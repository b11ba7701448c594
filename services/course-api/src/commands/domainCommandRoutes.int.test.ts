import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../app.js';
import { listen } from '../server.js';
import { registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { users } from '../testing/users.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const post = async (path: string, body: object, as = users.clinicianAsgard) =>
  app.http().post(path).set('Authorization', await app.bearer(as)).send(body);

test("a referral is reachable only through the unit and patient it was registered for", async () => {
  const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  const otherPatient = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
  const referralId = randomUUID();
  const registered = await post(`/units/unn-asgard/patients/${patientId}/referrals/${referralId}/register-referral`,
    { source: 'gp', diagnosisGroup: 'psychosis', patientStatementAttached: true, legalStatus: 'voluntary' });
  expect(registered.status).toBe(200);
  const head = await app.eventStore.headPosition();

  const viaOtherPatient = await post(`/units/unn-asgard/patients/${otherPatient}/referrals/${referralId}/assess-intake`, { outcome: 'accepted' });
  expect(viaOtherPatient.status).toBe(404);
  const viaOtherUnit = await post(`/units/vegsund-dps/patients/${patientId}/referrals/${referralId}/assess-intake`, { outcome: 'accepted' }, users.clinicianVegsund);
  expect(viaOtherUnit.status).toBe(404);
  expect(await app.eventStore.headPosition()).toBe(head);

  expect((await post(`/units/unn-asgard/patients/${patientId}/referrals/${referralId}/assess-intake`, { outcome: 'accepted' })).status).toBe(200);
});

test('a command on a state kept from before another process appended is decided on the current state', async () => {
  // A second instance of the service on the same database: each keeps its own folded states.
  const other = await listen('127.0.0.1', 0, (selfUrl) =>
    createApp({ config: app.config, pool: app.pool, eventStore: app.eventStore, clock: app.clock, selfUrl }));
  try {
    const patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
    const send = async (url: string, action: 'reserve-against-research' | 'withdraw-research-reservation') =>
      request(url).post(`/patients/${patientId}/${action}`).set('Authorization', await app.bearer(users.clinicianAsgard)).send({});
    const reserve = (url: string) => send(url, 'reserve-against-research');
    const withdraw = (url: string) => send(url, 'withdraw-research-reservation');

    expect((await reserve(app.url)).body).toEqual({ revision: 0, recorded: 1 });
    expect((await withdraw(other.url)).body).toEqual({ revision: 1, recorded: 1 });
    expect((await reserve(other.url)).body).toEqual({ revision: 2, recorded: 1 });
    // Kept: reserved at 0. The append expecting 0 conflicts; read, decided again, recorded once.
    expect((await withdraw(app.url)).body).toEqual({ revision: 3, recorded: 1 });
    // Kept: reserved at 2, which would accept; the current state refuses.
    const conflicted = await withdraw(other.url);
    expect(conflicted.status).toBe(422);
    expect(conflicted.body.code).toBe('research_reservation_not_in_force');
    expect((await reserve(other.url)).body).toEqual({ revision: 4, recorded: 1 });
    // Kept: withdrawn at 3, which refuses; the refusal is checked on the current state, which accepts.
    expect((await withdraw(app.url)).body).toEqual({ revision: 5, recorded: 1 });
    // A refusal that holds on the current state stands.
    expect((await withdraw(app.url)).body.code).toBe('research_reservation_not_in_force');

    const events = await app.eventStore.readStream(`patient-${patientId}`);
    expect(events.map((event) => event.type)).toEqual([
      'ResearchReservationMade', 'ResearchReservationWithdrawn', 'ResearchReservationMade',
      'ResearchReservationWithdrawn', 'ResearchReservationMade', 'ResearchReservationWithdrawn',
    ]);
  } finally {
    await other.close();
  }
});
