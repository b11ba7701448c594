import { Client } from 'pg';
import type { Logger } from 'pino';

export interface NotificationListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  connectionString: string;
  channel: string;
  onNotification(payload: string | undefined): void;
  /** After the connection was lost and is back: notifications in between are gone, so re-read. */
  onReconnected(): void;
  retryMs: number;
  log: Logger;
}

/**
 * LISTENs on a dedicated connection and reconnects when it drops. Resolves once the
 * first LISTEN is in place: from then on no commit goes unnoticed.
 */
export async function listenForNotifications(options: ListenOptions): Promise<NotificationListener> {
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: options.connectionString, keepAlive: true });
    next.on('notification', (message) => options.onNotification(message.payload));
    next.on('error', (error) => options.log.warn({ err: error }, 'notification connection failed'));
    next.on('end', () => {
      if (closed || client !== next) return;
      client = undefined;
      scheduleReconnect();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      client = undefined;
      await next.end().catch(() => undefined);
      throw error;
    }
  };

  const scheduleReconnect = () => {
    retry = setTimeout(() => {
      connect().then(
        () => {
          options.log.info('notification connection restored');
          options.onReconnected();
        },
        (error: unknown) => {
          options.log.warn({ err: error }, 'cannot restore the notification connection yet');
          if (!closed) scheduleReconnect();
        },
      );
    }, options.retryMs);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
