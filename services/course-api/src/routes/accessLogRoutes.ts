import { z } from 'zod';
import { defineRoute } from '../http/route.js';

export const readOwnAccessLog = defineRoute({
  operationId: 'readOwnAccessLog',
  method: 'get',
  path: '/patients/:patientId/access-log',
  summary: 'Who has read my data',
  description: "Every read of the patient's data by anyone but the patient, newest first. Only the patient may read it.",
  tags: ['Access log'],
  params: z.strictObject({ patientId: z.uuid() }),
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  response: {
    status: 200,
    description: 'Newest first',
    schema: z.object({
      entries: z.array(z.object({
        at: z.iso.datetime(),
        actor: z.object({ subject: z.string(), role: z.string() }),
        unitId: z.string().nullable(),
        resource: z.string(),
      })),
    }),
  },
  policy: (can) => can.patientSelf(({ params }) => params.patientId),
  async handler({ input: { params, query }, services }) {
    return { body: { entries: await services.accessLog.forPatient(params.patientId, query.limit) } };
  },
});
