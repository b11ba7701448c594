import { compareInstants } from './clinicalTime.js';

describe('compareInstants', () => {
  it('orders instants by time, not by spelling', () => {
    expect(compareInstants('2025-02-04T10:00:00Z', '2025-02-04T10:00:00.000Z')).toBe(0);
    expect(compareInstants('2025-02-04T11:00:00.000+01:00', '2025-02-04T10:00:00.000Z')).toBe(0);
    expect(compareInstants('2025-02-04T10:00:00.001Z', '2025-02-04T10:00:00.000Z')).toBeGreaterThan(0);
    expect(compareInstants('2025-02-03T23:59:59.999Z', '2025-02-04T00:30:00.000+01:00')).toBeGreaterThan(0);
    expect(compareInstants('2024-12-31T23:00:00.000Z', '2025-01-01T00:00:00.000Z')).toBeLessThan(0);
  });
});
