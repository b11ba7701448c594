import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { ProjectionStatus } from './projectionWorker.js';

export interface StatusServer {
  url: string;
  close(): Promise<void>;
}

export interface StatusServerOptions {
  host: string;
  port: number;
  pool: Pool;
  registry: Registry;
  projections: () => readonly ProjectionStatus[];
  log: Logger;
}

/** `/metrics` for Prometheus and `/healthz` (database reachable, and what each projection is doing). */
export async function startStatusServer(options: StatusServerOptions): Promise<StatusServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const reply = async () => {
      if (request.method !== 'GET') return send(405, 'text/plain', 'Method Not Allowed');
      if (path === '/metrics') return send(200, options.registry.contentType, await options.registry.metrics());
      if (path === '/healthz') {
        const database = await options.pool.query('SELECT 1').then(() => true, () => false);
        const body = JSON.stringify({ status: database ? 'ok' : 'unavailable', database, projections: options.projections() });
        return send(database ? 200 : 503, 'application/json', body);
      }
      return send(404, 'text/plain', 'Not Found');
    };
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type }).end(body);
    };
    reply().catch((error: unknown) => {
      options.log.error({ err: error, path }, 'status request failed');
      if (!response.headersSent) send(500, 'text/plain', 'Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
