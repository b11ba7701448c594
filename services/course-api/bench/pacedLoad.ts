import { connect, type Socket } from 'node:net';

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

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;

/** A request's bytes as HTTP/1.1 puts them on a keep-alive connection. */
function requestBytes(host: string, request: PacedRequest): Buffer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${host}\r\n`;
  for (const [name, value] of Object.entries(request.headers)) head += `${name}: ${value}\r\n`;
  if (body) head += `content-length: ${body.length}\r\n`;
  const bytes = Buffer.from(`${head}\r\n`);
  return body ? Buffer.concat([bytes, body]) : bytes;
}

/**
 * One keep-alive connection, one request at a time. Answers are framed by Content-Length,
 * which is how the service answers; an answer framed otherwise fails the connection.
 */
class Connection {
  private received: Buffer = Buffer.alloc(0);
  private waiting: ((status: number | null) => void) | null = null;
  closed = false;
  private readonly socket: Socket;

  constructor(port: number, host: string) {
    this.socket = connect({ port, host, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answer();
    });
    this.socket.on('error', () => this.settle(null));
    this.socket.on('close', () => {
      // The server may close a keep-alive connection while it is idle.
      this.closed = true;
      this.settle(null);
    });
  }

  /** Resolves with the answer's status, or null if the connection failed. */
  send(bytes: Buffer): Promise<number | null> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private answer(): void {
    const headerEnd = this.received.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.received.toString('latin1', 0, headerEnd);
    const length = CONTENT_LENGTH.exec(head);
    if (!length) {
      this.socket.destroy();
      return;
    }
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.received.length < end) return;
    this.received = this.received.subarray(end);
    this.settle(Number(head.slice(9, 12)));
  }

  private settle(status: number | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(status);
  }
}

/**
 * An open-loop load at an even rate: request i is due at start + i / rate and is sent
 * then, whatever is still unanswered, on a free keep-alive connection. Latency counts from
 * when the request was due, so a request held back by a busy load generator or by every
 * connection being busy counts its wait (no coordinated omission). autocannon's rate limit
 * cannot do this: each connection sends its quota for a second as fast as it is answered
 * from the start of that second, so a fixed rate there is a burst at full speed once a
 * second. Written on plain sockets: node's HTTP client cost the load generator about as
 * much CPU per request as the service, on the same two cores.
 */
export async function pacedLoad(options: {
  url: string;
  ratePerSec: number;
  seconds: number;
  next(): PacedRequest;
  /** Connections at most; a request due while all are busy waits for one (and counts the wait). */
  connections: number;
}): Promise<PacedResult> {
  const { hostname, port, host } = new URL(options.url);
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const queued: { due: number; bytes: Buffer }[] = [];
  const total = Math.round(options.ratePerSec * options.seconds);
  const intervalMs = 1000 / options.ratePerSec;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let sent = 0;
  let finished = 0;
  let allAnswered: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });

  const dispatch = (connection: Connection, due: number, bytes: Buffer): void => {
    void connection.send(bytes).then((status) => {
      if (status === null) {
        errors += 1;
        discard(connection);
      } else {
        latencies.push(performance.now() - due);
        statuses[status] = (statuses[status] ?? 0) + 1;
        idle.push(connection);
      }
      finished += 1;
      const waiting = queued.shift();
      if (waiting) dispatch(reuse() ?? open(), waiting.due, waiting.bytes);
      if (finished === total) allAnswered();
    });
  };
  const discard = (connection: Connection): void => {
    connection.close();
    all.splice(all.indexOf(connection), 1);
  };
  /** An idle connection the server has not closed meanwhile. */
  const reuse = (): Connection | undefined => {
    for (let connection = idle.pop(); connection; connection = idle.pop()) {
      if (!connection.closed) return connection;
      discard(connection);
    }
    return undefined;
  };
  const open = (): Connection => {
    const connection = new Connection(Number(port), hostname);
    all.push(connection);
    return connection;
  };
  const submit = (due: number): void => {
    const bytes = requestBytes(host, options.next());
    const connection = reuse() ?? (all.length < options.connections ? open() : undefined);
    if (connection) dispatch(connection, due, bytes);
    else queued.push({ due, bytes });
  };

  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        submit(start + sent * intervalMs);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      else done();
    };
    tick();
  });
  if (total > 0) await answered;
  for (const connection of all) connection.close();
  latencies.sort((a, b) => a - b);
  return { sent, statuses, errors, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? 0 };
}
