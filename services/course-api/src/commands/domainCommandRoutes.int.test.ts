import { randomUUID } from 'node:crypto';
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
