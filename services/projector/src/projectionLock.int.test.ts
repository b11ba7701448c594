import { createTestDatabase } from '@medfri/test-kit/database';
import pino from 'pino';
import { acquireProjectionLock, type AcquireOptions } from './projectionLock.js';
import { withResolvers } from './withResolvers.js';

const log = pino({ level: 'silent' });
let connectionString: string;
let stop: AbortController;

beforeAll(async () => {
  connectionString = await createTestDatabase();
});
beforeEach(() => {
  stop = new AbortController();
});
// Ends any attempt still retrying.
afterEach(() => stop.abort());

const options = (onWaiting: () => void, url = connectionString): AcquireOptions =>
  ({ connectionString: url, name: 'locked', version: 1, retryMs: 20, signal: stop.signal, log, onControl: () => undefined, onWaiting });

test('an attempt that finds the projection held says so, and the lock is taken once its holder lets go', async () => {
  let holderWaited = 0;
  const holder = await acquireProjectionLock(options(() => (holderWaited += 1)));
  if (!holder) throw new Error('the first instance is expected to hold the lock');
  expect(holderWaited).toBe(0);

  const waiting = withResolvers();
  let taken = false;
  const second = acquireProjectionLock(options(waiting.resolve)).then((lock) => {
    taken = true;
    return lock;
  });
  await waiting.promise;
  expect(taken).toBe(false);

  await holder.release();
  const lock = await second;
  expect(lock).toBeDefined();
  await lock?.release();
});

test('an attempt that cannot reach the database says so too', async () => {
  const waiting = withResolvers();
  const unreachable = new URL(connectionString);
  unreachable.port = '1';
  const attempt = acquireProjectionLock(options(waiting.resolve, unreachable.toString()));
  await waiting.promise;
  stop.abort();
  expect(await attempt).toBeUndefined();
});
