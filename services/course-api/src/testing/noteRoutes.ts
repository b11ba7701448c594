import { z } from 'zod';
import { ProblemError } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import { commandRoute, loadStream, type StreamModel } from '../routes/commandRoute.js';

/**
 * A toy domain for tests of the command path: one stream of free-text notes per id,
 * sealed with the patient's key. Shaped like a real domain command endpoint.
 */
const noteParams = z.strictObject({ patientId: z.uuid(), noteId: z.uuid() });
const streamOf = ({ params }: { params: z.output<typeof noteParams> }) => `note-${params.noteId}`;
const patientOf = ({ params }: { params: z.output<typeof noteParams> }) => params.patientId;
/** A note's state: how many times it was written. */
const edits: StreamModel<number> = { name: 'test-note', initial: 0, evolve: (count) => count + 1 };

const writeNote = commandRoute({
  operationId: 'testWriteNote',
  method: 'put',
  path: '/test/patients/:patientId/notes/:noteId',
  summary: 'Write a note (test domain)',
  tags: ['Test'],
  params: noteParams,
  body: z.strictObject({ text: z.string().min(1).max(10000), occurredAt: z.iso.datetime({ offset: false }).optional() }),
  policy: (can) => can.anyOf(can.clinicianOfPatient(patientOf), can.admin),
  stream: streamOf,
  patient: patientOf,
  personalFields: (type) => (type === 'NoteWritten' ? ['text'] : []),
  model: edits,
  decide({ body }, edit, { now }) {
    if (body.text.includes('forbidden')) {
      return { ok: false, error: { kind: 'domain', code: 'note-refused', message: 'This note cannot be recorded' } };
    }
    const occurredAt = body.occurredAt ?? now.toJSDate().toISOString();
    return { ok: true, events: [{ type: 'NoteWritten', data: { text: body.text, occurredAt, edit }, version: 1 }] };
  },
});

/** Corrections must name the revision they correct: If-Match is required. */
const correctNote = commandRoute({
  operationId: 'testCorrectNote',
  method: 'post',
  path: '/test/patients/:patientId/notes/:noteId/corrections',
  summary: 'Correct a note (test domain)',
  tags: ['Test'],
  params: noteParams,
  body: z.strictObject({ text: z.string().min(1).max(10000) }),
  ifMatch: 'required',
  policy: (can) => can.clinicianOfPatient(patientOf),
  stream: streamOf,
  patient: patientOf,
  personalFields: () => ['text'],
  model: edits,
  decide: ({ body }, edit, { now }) => ({
    ok: true,
    events: [{ type: 'NoteWritten', data: { text: body.text, occurredAt: now.toJSDate().toISOString(), edit }, version: 1 }],
  }),
});

const readNote = defineRoute({
  operationId: 'testReadNote',
  method: 'get',
  path: '/test/patients/:patientId/notes/:noteId',
  summary: 'Read a note (test domain)',
  tags: ['Test'],
  params: noteParams,
  response: {
    status: 200,
    description: 'The latest text',
    schema: z.object({ text: z.union([z.string(), z.object({ erased: z.literal(true) })]) }),
  },
  policy: (can) => can.anyOf(can.patientSelf(patientOf), can.clinicianOfPatient(patientOf), can.admin),
  accessLog: { resource: 'patient.note', patients: ({ params }) => [params.patientId] },
  async handler({ input, services }) {
    const { revision, events } = await loadStream(services, streamOf(input), patientOf(input));
    const latest = events.at(-1)?.data as { text: string | { erased: true } } | undefined;
    if (latest === undefined || revision === 'no_stream') throw new ProblemError('not-found', 'No such note');
    return { body: { text: latest.text }, revision };
  },
});

/** Fails the way a bug would, with personal data in the message. */
const crash = defineRoute({
  operationId: 'testCrash',
  method: 'post',
  path: '/test/crash',
  summary: 'Throw an unexpected error (test)',
  tags: ['Test'],
  body: z.strictObject({ secret: z.string() }),
  response: { status: 200, description: 'Never', schema: z.object({}) },
  policy: (can) => can.admin,
  async handler({ input }) {
    throw new Error(`Unexpected failure while handling ${input.body.secret}`);
  },
});

export const noteRoutes = [writeNote, correctNote, readNote, crash];
