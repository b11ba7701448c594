import { DerivedPerBatch } from './derivedPerBatch.js';

test('derives once per batch array and key, and anew for another array or key', () => {
  const derived = new DerivedPerBatch<number[], string, string>();
  const batch = [1, 2];
  let calls = 0;
  const derive = (label: string) => () => `${label}:${++calls}`;
  expect(derived.of(batch, 'a', derive('a'))).toBe('a:1');
  expect(derived.of(batch, 'a', derive('a'))).toBe('a:1');
  expect(derived.of(batch, 'b', derive('b'))).toBe('b:2');
  expect(derived.of([1, 2], 'a', derive('a'))).toBe('a:3');
});
