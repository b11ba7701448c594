import { RecordsById } from './recordsById.js';

describe('RecordsById', () => {
  it('adds records in order, replaces one in place, and never changes an earlier instance', () => {
    const empty = RecordsById.empty<{ dose: number }>();
    const one = empty.with('a', { dose: 10 });
    const two = one.with('b', { dose: 20 });
    const changed = two.with('a', { dose: 5 });

    expect(empty.size).toBe(0);
    expect(one.values()).toEqual([{ dose: 10 }]);
    expect(two.values()).toEqual([{ dose: 10 }, { dose: 20 }]);
    expect(changed.values()).toEqual([{ dose: 5 }, { dose: 20 }]);
    expect(two.get('a')).toEqual({ dose: 10 });
    expect(changed.get('a')).toEqual({ dose: 5 });
    expect(changed.get('c')).toBeUndefined();
    expect(changed.size).toBe(2);
  });

  it('writes out as an object keyed by id', () => {
    const records = RecordsById.empty<number>().with('x', 1).with('y', 2);
    expect(JSON.stringify({ records })).toBe('{"records":{"x":1,"y":2}}');
  });
});
