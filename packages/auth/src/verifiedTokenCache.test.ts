import type { Principal } from './principal.js';
import { VerifiedTokenCache } from './verifiedTokenCache.js';

const at = (seconds: number) => new Date(seconds * 1000);
const principal = (subject: string, expiresAtSeconds = 100): Principal => ({ issuer: 'https://issuer.example', subject, expiresAt: at(expiresAtSeconds), role: 'admin' });

test('serves a remembered principal until, not at, its expiry', () => {
  const cache = new VerifiedTokenCache(10);
  const admin = principal('a', 100);
  cache.set('token-a', admin);
  expect(cache.get('token-a', new Date(99_999))).toBe(admin);
  expect(cache.get('token-a', at(100))).toBeUndefined();
  expect(cache.get('token-a', at(50))).toBeUndefined();
  expect(cache.size).toBe(0);
});

test('an unknown token is a miss', () => {
  expect(new VerifiedTokenCache(10).get('never-seen', at(0))).toBeUndefined();
});

test('at capacity the least recently used token goes first', () => {
  const cache = new VerifiedTokenCache(2);
  cache.set('token-a', principal('a'));
  cache.set('token-b', principal('b'));
  expect(cache.get('token-a', at(0))?.subject).toBe('a');
  cache.set('token-c', principal('c'));
  expect(cache.size).toBe(2);
  expect(cache.get('token-b', at(0))).toBeUndefined();
  expect(cache.get('token-a', at(0))?.subject).toBe('a');
  expect(cache.get('token-c', at(0))?.subject).toBe('c');
});

test('remembering a token again does not take a second place', () => {
  const cache = new VerifiedTokenCache(2);
  cache.set('token-a', principal('a'));
  cache.set('token-a', principal('a'));
  cache.set('token-b', principal('b'));
  expect(cache.size).toBe(2);
  expect(cache.get('token-a', at(0))?.subject).toBe('a');
});

test('a capacity of 0 remembers nothing; a negative or fractional one is refused', () => {
  const cache = new VerifiedTokenCache(0);
  cache.set('token-a', principal('a'));
  expect(cache.get('token-a', at(0))).toBeUndefined();
  expect(() => new VerifiedTokenCache(-1)).toThrow(RangeError);
  expect(() => new VerifiedTokenCache(1.5)).toThrow(RangeError);
});
