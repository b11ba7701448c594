/**
 * The benchmark's subscriber, run in a worker thread: its own event loop and its own pool,
 * like a projector in another process. Reports, for each lag event, the milliseconds from
 * the moment the writer called appendToStream (carried in the event) to delivery here.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createPostgresEventStore } from '../src/index.js';

interface LagSubscriberInput {
  url: string;
  expected: number;
  timeoutMs: number;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across threads of one process. */
export const now = (): number => performance.timeOrigin + performance.now();

async function follow({ url, expected, timeoutMs }: LagSubscriberInput): Promise<number[]> {
  const store = createPostgresEventStore({ connectionString: url, poolSize: 4 });
  const lags: number[] = [];
  try {
    const subscription = store.subscribeToAll({ after: await store.headPosition() });
    parentPort?.postMessage({ ready: true });
    const timer = setTimeout(() => void subscription.stop(), timeoutMs);
    for await (const event of subscription) {
      const sentAt = (event.data as { sentAt?: unknown }).sentAt;
      if (typeof sentAt !== 'number') continue;
      lags.push(now() - sentAt);
      if (lags.length >= expected) break;
    }
    clearTimeout(timer);
  } finally {
    await store.close();
  }
  return lags;
}

if (parentPort && workerData) {
  void follow(workerData as LagSubscriberInput).then(
    (lags) => parentPort?.postMessage({ lags }),
    (error: unknown) => parentPort?.postMessage({ error: String(error) }),
  );
}
