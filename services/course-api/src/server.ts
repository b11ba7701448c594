import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens first and builds the app second, so the app knows its own URL (the development
 * issuer publishes its JWKS there, and the service fetches it like any other issuer's).
 */
export async function listen(host: string, port: number, buildApp: (selfUrl: string) => Promise<RequestListener>): Promise<RunningServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  // A wildcard address is not one a client can call: reach ourselves over loopback.
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${address.port}`;
  try {
    server.on('request', await buildApp(url));
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  return {
    url,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
