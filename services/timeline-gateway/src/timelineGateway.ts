import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, createTokenVerifier, type Principal, type TrustedIssuer } from '@medfri/auth';
import { NOTIFY_CHANNEL, parseProjectionNotification, timeline } from '@medfri/projector';
import { Pool } from 'pg';
import pino, { type Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { accessLogRecorder, type AccessRecorder } from './accessLog.js';
import { listenForNotifications } from './notificationListener.js';
import { timelineAccess } from './timelineAccess.js';
import { readEntriesAfter } from './timelineEntries.js';
import { TimelineFeed } from './timelineFeed.js';
import {
  joinRequestSchema, leaveRequestSchema,
  type ClientToServerEvents, type ErrorCode, type JoinAck, type ServerToClientEvents,
} from './timelineProtocol.js';


export interface TimelineGatewayConfig {
  /** Where the projector keeps the read models. */
  databaseUrl: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  auth: { audience: string; issuers: readonly TrustedIssuer[] };
  /** Browser origins allowed to connect. */
  corsOrigins?: readonly string[];
  /** Most entries read (and sent) at once. */
  pageSize?: number;
  /** By default the course API's access log in the same database. */
  recordAccess?: AccessRecorder;
  logger?: Logger;
}

export interface TimelineGateway {
  url: string;
  close(): Promise<void>;
}

interface SocketData {
  principal: Principal;
}

type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// setTimeout's limit; tokens live far shorter.
const MAX_TIMER_MS = 2 ** 31 - 1;

const refusal = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

/**
 * Pushes timeline entries to the patient and to clinicians of the patient's units. Each
 * connection authenticates once with its JWT; each join is authorized on its own.
 */
export async function startTimelineGateway(config: TimelineGatewayConfig): Promise<TimelineGateway> {
  const log = config.logger ?? pino({ name: 'timeline-gateway' });
  const pageSize = config.pageSize ?? 500;
  const pool = new Pool({ connectionString: config.databaseUrl });
  // Only the message: pg-pool hangs the whole client, connection settings included, on the error.
  pool.on('error', (error) => log.warn({ reason: error.message }, 'idle database connection failed'));
  const recordAccess = config.recordAccess ?? accessLogRecorder(pool);
  const verifier = createTokenVerifier({ ...config.auth, clock: { now: () => new Date() } });
  const feeds = new Set<TimelineFeed>();
  const refreshAll = () => feeds.forEach((feed) => feed.changed());

  let listener;
  try {
    listener = await listenForNotifications({
      connectionString: config.databaseUrl,
      channel: NOTIFY_CHANNEL,
      onNotification: (payload) => {
        if (parseProjectionNotification(payload)?.projection === timeline.name) refreshAll();
      },
      onReconnected: refreshAll,
      retryMs: 500,
      log,
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

  const httpServer = createServer((request, response) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', connections: feeds.size }));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    cors: { origin: [...(config.corsOrigins ?? [])] },
  });

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string' || token === '') {
      return next(Object.assign(new Error('A token is required: connect with auth: { token }'), { data: { code: 'unauthenticated' } }));
    }
    verifier.verify(token).then(
      (principal) => {
        socket.data.principal = principal;
        next();
      },
      (error: unknown) => {
        const code = error instanceof AuthenticationError ? error.code : 'unavailable';
        next(Object.assign(new Error(error instanceof AuthenticationError ? error.message : 'Authentication failed'), { data: { code } }));
      },
    );
  });

  io.on('connection', (socket: GatewaySocket) => {
    const { principal } = socket.data;
    const feed = new TimelineFeed({
      read: (cursors, limit) => readEntriesAfter(pool, cursors, limit),
      send: (entries) => socket.emit('entries', { entries }),
      onError: (error) => log.error({ err: error }, 'reading new timeline entries failed; the next change retries'),
      pageSize,
    });
    feeds.add(feed);
    // The token's lifetime bounds the connection's: the client reconnects with a fresh one.
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(MAX_TIMER_MS, principal.expiresAt.getTime() - Date.now()));
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      feeds.delete(feed);
    });

    socket.on('join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      ack(await join(principal, feed, request));
    });
    socket.on('leave', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = leaveRequestSchema.safeParse(request);
      if (!parsed.success) return ack(refusal('invalid', 'Send { patientId }'));
      await feed.unfollow(parsed.data.patientId);
      ack({ ok: true, patientId: parsed.data.patientId });
    });
  });

  async function join(principal: Principal, feed: TimelineFeed, request: unknown): Promise<JoinAck> {
    const parsed = joinRequestSchema.safeParse(request);
    if (!parsed.success) return refusal('invalid', 'Send { patientId: uuid, after?: position }');
    const { patientId, after = 0 } = parsed.data;
    if (principal.expiresAt.getTime() <= Date.now()) return refusal('unauthenticated', 'The token has expired; reconnect with a new one');
    try {
      const access = await timelineAccess(pool, principal, patientId);
      if (!access.granted) return refusal('forbidden', access.reason);
      if (principal.role !== 'patient') {
        await recordAccess({ patientId, actorSubject: principal.subject, actorRole: principal.role, unitId: access.unitId });
      }
      const position = await feed.follow(patientId, after);
      return { ok: true, patientId, position };
    } catch (error) {
      log.error({ err: error }, 'joining a timeline failed');
      return refusal('unavailable', 'The timeline cannot be read right now; retry later');
    }
  }

  // Closing the transports (not disconnecting the sockets) makes clients reconnect by themselves.
  const close = async () => {
    httpServer.closeAllConnections();
    await io.close();
    await listener.close();
    await pool.end();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port ?? 0, config.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await close();
    throw error;
  }
  const { address, port } = httpServer.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  log.info({ url }, 'timeline gateway started');
  return { url, close };
}
