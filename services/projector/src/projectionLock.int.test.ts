import { createTestDatabase } from '@medfri/test-kit/database';
import pino from 'pino';
import { acquireProjectionLock, type AcquireOptions } from './projectionLock.js';

const log = pino({ level: 'silent' });
let connectionString: string;

beforeAll(async () => {
  connectionString = await createTestDatabase();
});

const options = (signal: AbortSignal, onWaiting: () => void): AcquireOptions =>
  ({ connectionString, name: 'locked', version: 1, retryMs: 20, signal, log, onControl: () => undefined, onWaiting });

test('an attempt that finds the projection held says so, and the lock is taken once its holder lets go', async () => {
  const stop = new AbortController();
  let holderWaited = 0;
  const holder = await acquireProjectionLock(options(stop.signal, () => (holderWaited += 1)));
  if (!holder) throw new Error('the first instance is expected to hold the lock');
  expect(holderWaited).toBe(0);

  let waited = 0;
  let signalWaiting = () => undefined as void;
  const waitingSignalled = new Promise<void>((resolve) => (signalWaiting = resolve));
  const second = acquireProjectionLock(options(stop.signal, () => {
    waited += 1;
    signalWaiting();
  }));
  await waitingSignalled;
  expect(waited).toBeGreaterThanOrEqual(1);

  await holder.release();
  const taken = await second;
  expect(taken).toBeDefined();
  await taken?.release();
  stop.abort();
});
