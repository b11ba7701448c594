import { blindIndex, deriveVaultKeys, newDataKey, open, seal, unwrapDataKey, wrapDataKey } from './vaultCrypto.js';
import { TamperedCiphertextError } from './vaultErrors.js';

const keys = deriveVaultKeys(Buffer.alloc(32, 1));
const patient = '3f0c7a52-8a3b-4f4e-9a51-0e8f1d2c3b4a';
const otherPatient = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

test('a sealed value opens to the same bytes and never shows the plaintext', () => {
  const key = newDataKey();
  const sealed = seal(key, 'text:x', Buffer.from('Kari slept badly after the step'));
  expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
  expect(sealed).not.toContain('Kari');
  expect(open(key, 'text:x', sealed).toString()).toBe('Kari slept badly after the step');
  expect(seal(key, 'text:x', Buffer.from('same'))).not.toBe(seal(key, 'text:x', Buffer.from('same')));
});

test('any change to a sealed value, its context or its key is detected', () => {
  const key = newDataKey();
  const sealed = seal(key, 'text:x', Buffer.from('hello'));
  const payload = Buffer.from(sealed.slice(3), 'base64url');
  for (let index = 0; index < payload.length; index += 1) {
    const flipped = Buffer.from(payload);
    flipped[index] = (flipped[index] ?? 0) ^ 0x01;
    expect(() => open(key, 'text:x', `v1:${flipped.toString('base64url')}`)).toThrow(TamperedCiphertextError);
  }
  expect(() => open(key, 'text:y', sealed)).toThrow(TamperedCiphertextError);
  expect(() => open(newDataKey(), 'text:x', sealed)).toThrow(TamperedCiphertextError);
  for (const garbage of ['', 'v1:', 'v2:AAAA', 'v1:AAAA:BBBB', 'plain text']) {
    expect(() => open(key, 'text:x', garbage)).toThrow(TamperedCiphertextError);
  }
});

test('a wrapped data key unwraps only for its own patient and master key', () => {
  const dataKey = newDataKey();
  const wrapped = wrapDataKey(keys, patient, dataKey);
  expect(unwrapDataKey(keys, patient, wrapped)).toEqual(dataKey);
  expect(() => unwrapDataKey(keys, otherPatient, wrapped)).toThrow(TamperedCiphertextError);
  expect(() => unwrapDataKey(deriveVaultKeys(Buffer.alloc(32, 2)), patient, wrapped)).toThrow(TamperedCiphertextError);
});

test('the blind index is deterministic, keyed, and separates kinds', () => {
  expect(blindIndex(keys, 'name', 'kari')).toEqual(blindIndex(keys, 'name', 'kari'));
  expect(blindIndex(keys, 'name', 'kari')).not.toEqual(blindIndex(keys, 'national-id', 'kari'));
  expect(blindIndex(keys, 'name', 'kari')).not.toEqual(blindIndex(deriveVaultKeys(Buffer.alloc(32, 2)), 'name', 'kari'));
  expect(keys.indexKey).not.toEqual(keys.wrapKey);
});

test('the master key must be 32 bytes', () => {
  expect(() => deriveVaultKeys(Buffer.alloc(16))).toThrow(/32 bytes/);
});
