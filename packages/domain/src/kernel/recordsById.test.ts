import { RecordsById } from './recordsById.js';

describe('RecordsById', () => {
  it('adds records in order, replaces one in place, and never changes an earlier instance', () => {
    const empty = RecordsById.empty<{ dose: number }>();
    const one = empty.with('a', { dose: 10 });
    const two = one.with('b', { dose: 20 });
    const changed = two.with('a', { dose: 5 });

    expect(empty.values()).toEqual([]);
    expect(one.values()).toEqual([{ dose: 10 }]);
    expect(two.values()).toEqual([{ dose: 10 }, { dose: 20 }]);
    expect(changed.values()).toEqual([{ dose: 5 }, { dose: 20 }]);
    expect(two.get('a')).toEqual({ dose: 10 });
    expect(changed.get('a')).toEqual({ dose: 5 });
    expect(changed.get('c')).toBeUndefined();
  });
});
