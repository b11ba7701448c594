import { randomUUID } from 'node:crypto';
import { noteRoutes } from '../testing/noteRoutes.js';
import { registerPatient } from '../testing/patients.js';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { users } from '../testing/users.js';
import { apiRoutes } from './apiRoutes.js';

let app: TestApp;
let patientId: string;
beforeAll(async () => {
  app = await startTestApp({ routes: [...apiRoutes, ...noteRoutes] });
  patientId = await registerPatient(app, users.clinicianAsgard, 'unn-asgard');
});
afterAll(() => app.close());

const write = async (noteId: string, body: object, headers: Record<string, string> = {}) =>
  app.http().put(`/test/patients/${patientId}/notes/${noteId}`).set('Authorization', await app.bearer(users.clinicianAsgard)).set(headers).send(body);

test('appends the decided events with metadata, personal text sealed with the patient key', async () => {
  const noteId = randomUUID();
  const response = await write(noteId, { text: 'Dizzy two weeks after the step', occurredAt: '2026-02-20T08:00:00.000Z' });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ revision: 0, recorded: 1 });
  expect(response.headers.etag).toBe('"0"');
  const [event] = await app.eventStore.readStream(`note-${noteId}`);
  expect(event?.type).toBe('NoteWritten');
  expect(event?.data).toEqual({ text: { sealed: expect.stringMatching(/^v1:/) }, occurredAt: '2026-02-20T08:00:00.000Z', edit: 0 });
  expect(event?.metadata).toMatchObject({
    occurredAt: '2026-02-20T08:00:00.000Z',
    actor: { id: 'clinician-asgard', role: 'clinician' },
    correlationId: response.headers['x-request-id'],
    schemaVersion: 1,
  });
});

test('without If-Match, concurrent commands are each decided on the latest state', async () => {
  const noteId = randomUUID();
  const responses = await Promise.all([1, 2, 3].map((n) => write(noteId, { text: `note ${n}` })));
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
  expect(responses.map((r) => r.body.revision).sort()).toEqual([0, 1, 2]);
  const events = await app.eventStore.readStream(`note-${noteId}`);
  expect(events.map((e) => (e.data as { edit: number }).edit)).toEqual([0, 1, 2]);
});

test('If-Match * needs an existing stream; a refused command appends nothing', async () => {
  const noteId = randomUUID();
  expect((await write(noteId, { text: 'first' }, { 'If-Match': '*' })).status).toBe(409);
  const head = await app.eventStore.headPosition();
  expect((await write(noteId, { text: 'forbidden words' })).status).toBe(422);
  expect(await app.eventStore.headPosition()).toBe(head);
});

test('a command sees what another process appended after its cached state, with or without If-Match', async () => {
  const noteId = randomUUID();
  expect((await write(noteId, { text: 'first' })).body).toEqual({ revision: 0, recorded: 1 });
  // Another instance of the service writes: this process's cached state is now one behind.
  await app.eventStore.appendToStream(`note-${noteId}`, [{
    id: randomUUID(), type: 'NoteWritten', data: { text: { sealed: 'v1:elsewhere' }, occurredAt: '2026-02-20T08:00:00.000Z', edit: 1 },
    metadata: { occurredAt: '2026-02-20T08:00:00.000Z', actor: { id: 'clinician-asgard', role: 'clinician' }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  }], { expected: 0 });
  expect((await write(noteId, { text: 'stale tag' }, { 'If-Match': '"0"' })).status).toBe(409);
  expect((await write(noteId, { text: 'third' }, { 'If-Match': '"1"' })).body).toEqual({ revision: 2, recorded: 1 });
  expect((await write(noteId, { text: 'fourth' })).body).toEqual({ revision: 3, recorded: 1 });
  const events = await app.eventStore.readStream(`note-${noteId}`);
  expect(events.map((e) => (e.data as { edit: number }).edit)).toEqual([0, 1, 2, 3]);
});
