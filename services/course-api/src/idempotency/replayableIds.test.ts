import { randomUUID } from 'node:crypto';
import { replayableIds } from './replayableIds.js';

test('every attempt mints the ids of the attempts before it, in the same order, then new ones', () => {
  const attempt = replayableIds(randomUUID);
  const first = attempt();
  const ids = [first(), first()];
  const second = attempt();
  const longer = [second(), second(), second()];
  expect(longer.slice(0, 2)).toEqual(ids);
  expect(new Set(longer).size).toBe(3);
  const third = attempt();
  expect([third(), third(), third()]).toEqual(longer);
});
