import { randomUUID } from 'node:crypto';
import { newIdentity } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { DEMO_PATIENT_IDS } from './devUsers.js';

describe('with the development issuer enabled', () => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp({ env: { MEDFRI_DEV_ISSUER: 'true' } }); });
  afterAll(() => app.close());

  const tokenFor = async (user: string) => {
    const response = await app.http().post('/dev/token').send({ user });
    expect(response.status).toBe(200);
    return (response.body as { access_token: string }).access_token;
  };

  test('issues a token for any registered patient by id: their own data only', async () => {
    const clinician = await tokenFor('clinician-asgard');
    const registered = await app.http().post('/patients').set('Authorization', `Bearer ${clinician}`).send({ unitId: 'unn-asgard', identity: newIdentity() });
    const response = await app.http().post('/dev/token').send({ user: 'patient', patientId: registered.body.patientId });
    const patient = `Bearer ${response.body.access_token}`;
    expect((await app.http().get(`/patients/${registered.body.patientId}/access-log`).set('Authorization', patient)).status).toBe(200);
    expect((await app.http().get(`/patients/${randomUUID()}/access-log`).set('Authorization', patient)).status).toBe(403);
    const withoutId = await app.http().post('/dev/token').send({ user: 'patient' });
    expect(withoutId.status).toBe(400);
    expect(withoutId.body.errors).toEqual([{ path: 'body.patientId', message: expect.any(String) }]);
  });

  test('lists the demo users', async () => {
    const response = await app.http().get('/dev/users');
    expect(response.body.users).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'clinician-asgard', role: 'clinician', units: ['unn-asgard'] }),
      expect.objectContaining({ id: 'clinician-vegsund', role: 'clinician', units: ['vegsund-dps'] }),
      expect.objectContaining({ id: 'admin', role: 'admin' }),
      expect.objectContaining({ id: 'researcher', role: 'researcher' }),
      expect.objectContaining({ id: 'patient-ingrid', role: 'patient', patient_id: DEMO_PATIENT_IDS.ingrid }),
      expect.objectContaining({ id: 'patient-ola', role: 'patient', patient_id: DEMO_PATIENT_IDS.ola }),
    ]));
  });

  test('publishes a JWKS and issues tokens the service accepts like any issuer\'s', async () => {
    const jwks = await app.http().get('/dev/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256', kid: expect.any(String) })]);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d":/);
    const token = await tokenFor('clinician-asgard');
    const registered = await app.http().post('/patients').set('Authorization', `Bearer ${token}`).send({ unitId: 'unn-asgard', identity: newIdentity() });
    expect(registered.status).toBe(201);
    const refused = await app.http().post('/patients').set('Authorization', `Bearer ${token}`).send({ unitId: 'vegsund-dps', identity: newIdentity() });
    expect(refused.status).toBe(403);
  });

  test('a patient token is bound to the demo patient id', async () => {
    const token = await tokenFor('patient-ingrid');
    const other = await app.http().get(`/patients/${randomUUID()}/access-log`).set('Authorization', `Bearer ${token}`);
    expect(other.status).toBe(403);
    const own = await app.http().get(`/patients/${DEMO_PATIENT_IDS.ingrid}/access-log`).set('Authorization', `Bearer ${token}`);
    expect(own.status).toBe(200);
  });

  test('an unknown demo user is a validation problem', async () => {
    const response = await app.http().post('/dev/token').send({ user: 'root' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'body.user', message: expect.stringContaining('clinician-asgard') }]);
  });
});

test('without the development issuer there are no /dev routes and no tokens from it', async () => {
  const app = await startTestApp();
  try {
    expect((await app.http().get('/dev/users')).status).toBe(404);
    expect((await app.http().post('/dev/token').send({ user: 'admin' })).status).toBe(404);
  } finally {
    await app.close();
  }
});
