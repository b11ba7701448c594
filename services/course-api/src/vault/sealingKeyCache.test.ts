import { randomBytes } from 'node:crypto';
import { createTestClock } from '../testing/testClock.js';
import { SealingKeyCache } from './sealingKeyCache.js';

const counted = (key: Buffer | null) => {
  const load = jest.fn(async () => key);
  return load;
};

describe('SealingKeyCache', () => {
  it('keeps a loaded key for its time to live', async () => {
    const clock = createTestClock();
    const cache = new SealingKeyCache(clock, 1000);
    const key = randomBytes(32);
    const load = counted(key);
    expect(await cache.get('p', load)).toBe(key);
    clock.advance(999);
    expect(await cache.get('p', load)).toBe(key);
    expect(load).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(await cache.get('p', load)).toBe(key);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps an erased patient\'s answer, and drops the least recently used beyond its capacity', async () => {
    const cache = new SealingKeyCache(createTestClock(), 1000, 2);
    const erased = counted(null);
    expect(await cache.get('gone', erased)).toBeNull();
    expect(await cache.get('gone', erased)).toBeNull();
    expect(erased).toHaveBeenCalledTimes(2);
    const [a, b, c] = [counted(randomBytes(32)), counted(randomBytes(32)), counted(randomBytes(32))];
    await cache.get('a', a);
    await cache.get('b', b);
    await cache.get('a', a);
    await cache.get('c', c);
    expect(cache.size).toBe(2);
    await cache.get('a', a);
    await cache.get('b', b);
    expect([a, b, c].map((load) => load.mock.calls.length)).toEqual([1, 2, 1]);
  });

  it('forgets a key when an erasure begins, and keeps none loaded while one runs', async () => {
    const cache = new SealingKeyCache(createTestClock());
    const load = counted(randomBytes(32));
    await cache.get('p', load);
    cache.forget('p');
    expect(cache.size).toBe(0);
    // A load that reads the key while the erasure's transaction has not yet committed.
    const during = cache.get('p', load);
    cache.forget('p');
    await during;
    expect(cache.size).toBe(0);
    await cache.get('p', load);
    expect(cache.size).toBe(1);
  });
});
