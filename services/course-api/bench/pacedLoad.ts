import { Agent, request } from 'node:http';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  sent: number;
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  errors: number;
  /** Milliseconds from each request's scheduled time to its whole answer. */
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: readonly number[], share: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;

/**
 * An open-loop load at an even rate: request i is due at start + i / rate and is sent
 * then, whatever is still unanswered, on keep-alive connections from a pool. Latency
 * counts from when the request was due, so a request held back by a busy load generator
 * or a full pool counts its wait (no coordinated omission). autocannon's rate limit cannot
 * do this: each connection sends its quota for a second as fast as it is answered from
 * the start of that second, so a fixed rate there is a burst at full speed once a second.
 */
export async function pacedLoad(options: {
  url: string;
  ratePerSec: number;
  seconds: number;
  next(): PacedRequest;
  /** Connections at most; a request due while all are busy waits for one (and counts the wait). */
  connections: number;
}): Promise<PacedResult> {
  const { hostname, port } = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.ratePerSec * options.seconds);
  const intervalMs = 1000 / options.ratePerSec;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let sent = 0;
  const answered: Promise<void>[] = [];

  const send = (due: number): Promise<void> => new Promise<void>((resolve) => {
    const next = options.next();
    const req = request({ host: hostname, port, method: next.method, path: next.path, headers: next.headers, agent }, (response) => {
      response.resume();
      response.on('end', () => {
        latencies.push(performance.now() - due);
        statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      errors += 1;
      resolve();
    });
    req.end(next.body);
  });

  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        answered.push(send(start + sent * intervalMs));
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      else done();
    };
    tick();
  });
  await Promise.all(answered);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, statuses, errors, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? 0 };
}
