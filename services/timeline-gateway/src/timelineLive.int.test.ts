import { randomUUID } from 'node:crypto';
import { courseIdFor, type CourseState } from '@medfri/domain';
import { createPostgresEventStore, migrateEventStore, type EventStore } from '@medfri/event-store';
import { patientUnits, requestRebuild, startProjector, timeline, type Projector } from '@medfri/projector';
import { DomainCommands } from '@medfri/projector/dist/testing/domainCommands.js';
import { waitFor } from '@medfri/projector/dist/testing/waitFor.js';
import { createTestDatabase } from '@medfri/test-kit/database';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import pino from 'pino';
import { startTimelineGateway, type TimelineGateway } from './timelineGateway.js';
import { startTestIssuer, type TestIssuer } from './testing/testIssuer.js';
import { TestTimelineClient } from './testing/testTimelineClient.js';

const logger = pino({ level: 'silent' });
const patientId = randomUUID();
const unitId = 'unn-asgard';
const courseId = courseIdFor(patientId, unitId);
let pool: Pool;
let store: EventStore;
let projector: Projector;
let gateway: TimelineGateway;
let issuer: TestIssuer;
let commands: DomainCommands;
const clients: TestTimelineClient[] = [];

/** Positions of the patient's entries as the read model holds them, once it has caught up with the store. */
async function storedPositions(): Promise<number[]> {
  const head = await store.headPosition();
  // Both read models the gateway reads: a clinician's join is checked against patient_units.
  await waitFor('the timeline and patient units to catch up', async () => (await pool.query(
    `SELECT 1 FROM projection_builds WHERE name IN ('timeline', 'patient_units') AND status = 'active' AND checkpoint >= $1`, [head])).rowCount === 2);
  const rows = await pool.query<{ position: string }>('SELECT position FROM read_models.timeline_entries WHERE patient_id = $1 ORDER BY position', [patientId]);
  return rows.rows.map((row) => Number(row.position));
}

async function send(command: Record<string, unknown> & { type: string }): Promise<void> {
  const outcome = await commands.send(command);
  if (!outcome.ok) throw new Error(`${command.type} was refused: ${outcome.code}`);
}

async function connect(claims: Record<string, unknown> & { role: string }): Promise<TestTimelineClient> {
  const client = new TestTimelineClient(gateway.url, await issuer.token(claims));
  clients.push(client);
  await client.connected();
  return client;
}

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  pool = new Pool({ connectionString: databaseUrl });
  await migrateEventStore(pool);
  await pool.query(`CREATE TABLE access_log (
    id bigserial PRIMARY KEY, patient_id uuid NOT NULL, at timestamptz NOT NULL, actor_subject text NOT NULL,
    actor_role text NOT NULL, unit_id text, resource text NOT NULL, request_id uuid NOT NULL)`);
  store = createPostgresEventStore({ connectionString: databaseUrl });
  commands = new DomainCommands(store, { now: () => DateTime.utc(), newId: randomUUID });
  projector = await startProjector({ databaseUrl, store, projections: [timeline, patientUnits], logger });
  issuer = await startTestIssuer();
  gateway = await startTimelineGateway({ databaseUrl, logger, auth: { audience: issuer.audience, issuers: [issuer] } });
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await gateway.close();
  await projector.close();
  await issuer.close();
  await store.close();
  await pool.end();
});

test('domain events reach the patient and the unit\'s clinician live, exactly once, also across a rebuild', async () => {
  const referralId = randomUUID();
  await send({
    type: 'RegisterReferral', referralId, patientId, unitId, source: 'gp', diagnosisGroup: 'psychosis',
    patientStatementAttached: true, legalStatus: 'voluntary',
  });
  expect(await storedPositions()).toHaveLength(1);
  const clinician = await connect({ role: 'clinician', units: [unitId] });
  expect(await clinician.join(patientId)).toMatchObject({ ok: true });
  expect(clinician.received[0]).toMatchObject({ kind: 'referral_received', summary: { nb: expect.stringContaining('Henvisning fra fastlege') } });
  const otherUnit = await connect({ role: 'clinician', units: ['vegsund-dps'] });
  expect(await otherUnit.join(patientId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await send({ type: 'AssessIntake', referralId, outcome: 'accepted' });
  await send({ type: 'AdmitPatient', patientId, unitId, setting: 'earmarked_bed', legalStatus: 'voluntary', referralId });
  const patient = await connect({ role: 'patient', patient_id: patientId });
  expect(await patient.join(patientId)).toMatchObject({ ok: true });

  const rebuild = await requestRebuild(pool, timeline);
  await send({ type: 'RecordTreatmentActivity', courseId, method: 'mindfulness', format: 'group', date: DateTime.utc().minus({ days: 1 }).toISODate(), durationMinutes: 45 });
  const [entryId] = commands.state<CourseState>(`course-${courseId}`)?.entries.standing() ?? [];
  await send({ type: 'MarkEnteredInError', courseId, entryId, reason: 'duplicate' });
  await waitFor('the rebuilt timeline to take over', async () => Number((await pool.query(
    `SELECT active_build FROM projection_registry WHERE name = 'timeline'`)).rows[0]?.active_build) === rebuild.buildId);
  await send({ type: 'RecordPatientExperience', courseId, mood: 7 });

  const expected = await storedPositions();
  expect(expected).toHaveLength(7);
  await clinician.receivedUpTo(expected.at(-1) as number);
  await patient.receivedUpTo(expected.at(-1) as number);
  expect(clinician.positions()).toEqual(expected);
  expect(patient.positions()).toEqual(expected);
  const correction = patient.received.find((entry) => entry.kind === 'entry_marked_entered_in_error');
  const retracted = patient.received.find((entry) => entry.kind === 'treatment_activity_recorded');
  expect(correction?.retracts).toBe(retracted?.position);
  expect(patient.received.map((entry) => entry.kind)).toEqual([
    'referral_received', 'intake_accepted', 'course_started', 'patient_admitted',
    'treatment_activity_recorded', 'entry_marked_entered_in_error', 'patient_experience_recorded',
  ]);
});
