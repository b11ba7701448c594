import { StreamStateCache } from './streamStateCache.js';

const notes = { name: 'notes' };
const counts = { name: 'counts' };

describe('StreamStateCache', () => {
  it('keeps a state per model and stream', () => {
    const cache = new StreamStateCache();
    cache.set(notes, 'note-1', { revision: 3, state: 'a' });
    cache.set(counts, 'note-1', { revision: 3, state: 4 });
    expect(cache.get(notes, 'note-1')).toEqual({ revision: 3, state: 'a' });
    expect(cache.get(counts, 'note-1')).toEqual({ revision: 3, state: 4 });
    expect(cache.get(notes, 'note-2')).toBeUndefined();
  });

  it('drops the least recently used state beyond its capacity', () => {
    const cache = new StreamStateCache(2);
    cache.set(notes, 'a', { revision: 0, state: 'a' });
    cache.set(notes, 'b', { revision: 0, state: 'b' });
    cache.get(notes, 'a');
    cache.set(notes, 'c', { revision: 0, state: 'c' });
    expect(cache.size).toBe(2);
    expect(cache.get(notes, 'b')).toBeUndefined();
    expect(cache.get(notes, 'a')?.state).toBe('a');
    expect(cache.get(notes, 'c')?.state).toBe('c');
  });

  it('never replaces a state by an earlier one', () => {
    const cache = new StreamStateCache();
    cache.set(notes, 'a', { revision: 5, state: 'later' });
    cache.set(notes, 'a', { revision: 4, state: 'earlier' });
    expect(cache.get(notes, 'a')).toEqual({ revision: 5, state: 'later' });
    cache.set(notes, 'a', { revision: 6, state: 'latest' });
    expect(cache.get(notes, 'a')).toEqual({ revision: 6, state: 'latest' });
  });
});
