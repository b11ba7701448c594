import { z } from 'zod';
import { deterministicIds } from './deterministicIds.js';

test('the same seed gives the same sequence of distinct, valid UUIDs', () => {
  const first = deterministicIds('scope|key');
  const again = deterministicIds('scope|key');
  const ids = [first(), first(), first()];
  expect([again(), again(), again()]).toEqual(ids);
  expect(new Set(ids).size).toBe(3);
  for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
  expect(deterministicIds('scope|other')()).not.toBe(ids[0]);
});
