import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents, TimelineEntry } from '../timelineProtocol.js';

/** A real socket.io client that keeps what it receives, as the web app would. */
export class TestTimelineClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: TimelineEntry[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(url: string, token: string | undefined) {
    this.socket = io(url, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    this.socket.on('entries', ({ entries }) => {
      this.received.push(...entries);
      this.waiters.forEach((wake) => wake());
    });
  }

  /** Resolves on the next connect; rejects with the server's refusal. */
  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  join(patientId: string, after?: number): Promise<JoinAck> {
    return this.socket.timeout(10_000).emitWithAck('join', { patientId, ...(after === undefined ? {} : { after }) });
  }

  positions(): number[] {
    return this.received.map((entry) => entry.position);
  }

  lastPosition(): number {
    return this.received.at(-1)?.position ?? 0;
  }

  /** Resolves once an entry at `position` or later has arrived. */
  async receivedUpTo(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.lastPosition() >= position) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out waiting for position ${position}; last received ${this.lastPosition()}`));
      }, timeoutMs);
      const check = () => {
        if (this.lastPosition() < position) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
