import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { TamperedCiphertextError } from './vaultErrors.js';

/** Keys derived from the master key, one per purpose, so no key is ever used for two jobs. */
export interface VaultKeys {
  /** Wraps each patient's data key. */
  readonly wrapKey: Buffer;
  /** Keys the blind index (HMAC), so index rows reveal nothing without the master key. */
  readonly indexKey: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `medfri/vault/${purpose}/${VERSION}`, 32));
}

export function deriveVaultKeys(masterKey: Buffer): VaultKeys {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
  return { wrapKey: derive(masterKey, 'wrap'), indexKey: derive(masterKey, 'blind-index') };
}

/** A fresh random AES-256 key: one per patient. */
export const newDataKey = (): Buffer => randomBytes(32);

/**
 * AES-256-GCM. `context` is authenticated but not stored: a value opens only under the
 * same key AND the same context (patient and purpose), so ciphertexts cannot be swapped
 * between patients or fields.
 */
export function seal(key: Buffer, context: string, plaintext: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

export function open(key: Buffer, context: string, sealed: string): Buffer {
  const [version, payload, ...rest] = sealed.split(':');
  if (version !== VERSION || payload === undefined || rest.length > 0) throw new TamperedCiphertextError();
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new TamperedCiphertextError();
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new TamperedCiphertextError();
  }
}

const keyContext = (patientId: string) => `data-key:${patientId}`;

export const wrapDataKey = (keys: VaultKeys, patientId: string, dataKey: Buffer): string =>
  seal(keys.wrapKey, keyContext(patientId), dataKey);

export const unwrapDataKey = (keys: VaultKeys, patientId: string, wrapped: string): Buffer =>
  open(keys.wrapKey, keyContext(patientId), wrapped);

export type BlindIndexKind = 'national-id' | 'name';

/** Deterministic keyed digest of a value, for equality lookups without decrypting anything. */
export function blindIndex(keys: VaultKeys, kind: BlindIndexKind, value: string): Buffer {
  return createHmac('sha256', keys.indexKey).update(`${kind}\u0000${value}`, 'utf8').digest();
}
