/**
 * The floor of any command on this stack, for the benchmark: an express app whose one
 * route appends the request body as one event, exactly as the raw append phase does
 * (a new stream, `no_stream`), and answers `{}`. No token, policy, validation, domain,
 * vault, idempotency, logging or metrics: what express, node's HTTP server and the load
 * generator cost on top of the store's own append.
 *
 * Environment: DATABASE_URL, PORT. Run by courseApi.bench.ts in a process of its own.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import { createPostgresEventStore } from '@medfri/event-store';
import { benchEvent } from './benchEvent.js';

const store = createPostgresEventStore({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());
app.get('/healthz', (_req, res) => {
  res.json({});
});
app.post('/append', async (req, res) => {
  await store.appendToStream(`bench-${randomUUID()}`, [benchEvent(req.body as object)], { expected: 'no_stream' });
  res.json({});
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
