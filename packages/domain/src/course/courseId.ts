import { createHash } from 'node:crypto';

/** Fixed namespace of course ids; changing it would orphan every existing course stream. */
export const courseIdNamespace = '3f1c2a7e-9b4d-5e60-8a21-6d0c4b7f9e12';

/** RFC 4122 name-based UUID (version 5, SHA-1): the same name in the same namespace always gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of one patient's course at one unit. Deterministic, so every admission of the
 * patient to the unit lands in the same stream and "one admission at a time" is a rule
 * inside one consistency boundary.
 */
export function courseIdFor(patientId: string, unitId: string): string {
  return uuidV5(`${patientId.toLowerCase()}:${unitId}`, courseIdNamespace);
}
