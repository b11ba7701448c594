import { CourseEntries } from './courseEntries.js';

describe('CourseEntries', () => {
  const entries = CourseEntries.none.with('a', 'TreatmentActivityRecorded').with('b', 'RelapseRecorded').with('c', 'SideEffectsAssessed');

  it('finds each entry, and nothing for an unknown id', () => {
    expect(entries.get('b')).toEqual({ type: 'RelapseRecorded', retracted: false });
    expect(entries.get('x')).toBeUndefined();
    expect(CourseEntries.none.get('a')).toBeUndefined();
  });

  it('retracts without changing the entries it came from', () => {
    const corrected = entries.retract('b');
    expect(corrected.get('b')).toEqual({ type: 'RelapseRecorded', retracted: true });
    expect(corrected.isRetracted('b')).toBe(true);
    expect(corrected.standing()).toEqual(['a', 'c']);
    expect(entries.isRetracted('b')).toBe(false);
    expect(entries.standing()).toEqual(['a', 'b', 'c']);
  });

  it('shares the earlier entries with every later state', () => {
    const later = entries.with('d', 'RelapseRecorded');
    expect(later.standing()).toEqual(['a', 'b', 'c', 'd']);
    expect(entries.standing()).toEqual(['a', 'b', 'c']);
  });
});
