import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import pino from 'pino';
import { startTimelineGateway, type TimelineGateway } from './timelineGateway.js';
import { ReadModelDouble } from './testing/readModelDouble.js';
import { startTestIssuer, type TestIssuer } from './testing/testIssuer.js';
import { TestTimelineClient } from './testing/testTimelineClient.js';

const logger = pino({ level: 'silent' });
const ingrid = randomUUID();
const ola = randomUUID();
let databaseUrl: string;
let pool: Pool;
let readModels: ReadModelDouble;
let issuer: TestIssuer;
let gateway: TimelineGateway;
const clients: TestTimelineClient[] = [];

const start = (port = 0) => startTimelineGateway({
  databaseUrl, port, logger, auth: { audience: issuer.audience, issuers: [{ issuer: issuer.issuer, jwksUrl: issuer.jwksUrl }] },
});
async function connect(token: string | undefined): Promise<TestTimelineClient> {
  const client = new TestTimelineClient(gateway.url, token);
  clients.push(client);
  await client.connected();
  return client;
}
const asPatient = async (patientId: string) => connect(await issuer.token({ role: 'patient', patient_id: patientId }));
const asClinician = async (units: string[]) => connect(await issuer.token({ role: 'clinician', units }));

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  readModels = new ReadModelDouble(pool);
  await readModels.create();
  await readModels.admit(ingrid, 'unn-asgard');
  await readModels.admit(ola, 'vegsund-dps');
  issuer = await startTestIssuer();
  gateway = await start();
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await gateway.close();
  await issuer.close();
  await pool.end();
});

test('a patient receives their timeline, then each new entry once it is written', async () => {
  const first = await readModels.write(ingrid);
  await readModels.write(ola);
  const patient = await asPatient(ingrid);
  expect(await patient.join(ingrid)).toEqual({ ok: true, patientId: ingrid, position: first });
  expect(patient.positions()).toEqual([first]);

  const next = await readModels.write(ingrid);
  await patient.receivedUpTo(next);
  expect(patient.positions()).toEqual([first, next]);
  expect(patient.received[1]).toMatchObject({
    position: next, patientId: ingrid, kind: 'note', summary: { nb: `Notat ${next}`, en: `Note ${next}` }, retractedBy: null,
  });
});

test('a patient is refused another patient\'s timeline', async () => {
  const patient = await asPatient(ingrid);
  expect(await patient.join(ola)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
});

test('a clinician follows patients of their units only, and each follow is logged for the patient', async () => {
  const clinician = await asClinician(['vegsund-dps']);
  expect(await clinician.join(ingrid)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await clinician.join(randomUUID())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await clinician.join(ola)).toMatchObject({ ok: true, patientId: ola });
  expect(await readModels.accessLog()).toEqual([{ patient_id: ola, actor_role: 'clinician', unit_id: 'vegsund-dps', resource: 'patient.timeline' }]);
});

test('refuses connections without a valid token and joins that are not well formed', async () => {
  await expect(connect(undefined)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  await expect(connect('not-a-token')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  const expired = await issuer.token({ role: 'patient', patient_id: ingrid }, -60);
  await expect(connect(expired)).rejects.toMatchObject({ data: { code: 'unauthenticated' }, message: 'The token has expired' });
  const researcher = await connect(await issuer.token({ role: 'researcher' }));
  expect(await researcher.join(ingrid)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await researcher.join('not-a-uuid')).toMatchObject({ ok: false, error: { code: 'invalid' } });
});

test('joining again with the last position delivers exactly the entries missed in between', async () => {
  const patient = await asPatient(ingrid);
  await patient.join(ingrid);
  const seen = patient.lastPosition();
  patient.close();
  const missed = [await readModels.write(ingrid), await readModels.write(ola), await readModels.write(ingrid)];

  const again = await asPatient(ingrid);
  expect(await again.join(ingrid, seen)).toEqual({ ok: true, patientId: ingrid, position: missed[2] });
  expect(again.positions()).toEqual([missed[0], missed[2]]);
});

test('across a gateway restart the client resumes from its last position without gap or duplicate', async () => {
  const patient = await asPatient(ingrid);
  patient.socket.on('connect', () => void patient.join(ingrid, patient.lastPosition()));
  await patient.join(ingrid);
  const before = patient.positions();

  const { port } = new URL(gateway.url);
  await gateway.close();
  const whileDown = [await readModels.write(ingrid), await readModels.write(ingrid)];
  gateway = await start(Number(port));
  await patient.receivedUpTo(whileDown[1] as number);
  const live = await readModels.write(ingrid);
  await patient.receivedUpTo(live);
  expect(patient.positions()).toEqual([...before, ...whileDown, live]);
});

test('under a stream of writes a late joiner gets every entry after its position exactly once, in order', async () => {
  const early = await asPatient(ola);
  await early.join(ola);
  const before = early.positions();
  const from = early.lastPosition();
  const writes: Promise<number[]> = (async () => {
    const written: number[] = [];
    for (let i = 0; i < 200; i += 1) written.push(await readModels.write(i % 3 === 0 ? ingrid : ola));
    return written;
  })();
  const late = await asClinician(['vegsund-dps']);
  expect(await late.join(ola, from)).toMatchObject({ ok: true });
  const written = await writes;
  const ours = written.filter((_, i) => i % 3 !== 0);
  await late.receivedUpTo(ours.at(-1) as number);
  await early.receivedUpTo(ours.at(-1) as number);
  expect(late.positions()).toEqual(ours);
  expect(early.positions()).toEqual([...before, ...ours]);
});
