import { canonicalJson, requestHash } from './requestHash.js';

test('key order does not matter, values do', () => {
  expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  const base = { scope: 's', method: 'POST', path: '/p', ifMatch: undefined, body: { a: 1, b: 2 } };
  expect(requestHash(base)).toBe(requestHash({ ...base, body: { b: 2, a: 1 } }));
  expect(requestHash(base)).not.toBe(requestHash({ ...base, body: { a: 1, b: 3 } }));
  expect(requestHash(base)).not.toBe(requestHash({ ...base, scope: 't' }));
  expect(requestHash(base)).not.toBe(requestHash({ ...base, path: '/q' }));
  expect(requestHash(base)).not.toBe(requestHash({ ...base, ifMatch: '"3"' }));
});

test('an absent body and undefined members hash like JSON would send them', () => {
  expect(canonicalJson(undefined)).toBe('null');
  expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
});
