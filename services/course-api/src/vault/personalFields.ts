import type { Erased, PersonalDataVault, SealedText } from './personalDataVault.js';

type Data = Record<string, unknown>;

const isSealed = (value: unknown): value is SealedText =>
  typeof value === 'object' && value !== null && typeof (value as { sealed?: unknown }).sealed === 'string';

/**
 * What the command path folds in place of sealed free text. Deciders never look inside
 * free text, so commands need no key to decide and nothing changes for them after an
 * erasure; any string satisfies the event schemas' text fields.
 */
export const SEALED_TEXT = '[sealed]';

/** Stored event data with every sealed field replaced by `SEALED_TEXT`. */
export function hideSealedText(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  if (!Object.values(data).some(isSealed)) return data;
  return Object.fromEntries(Object.entries(data).map(([field, value]) => [field, isSealed(value) ? SEALED_TEXT : value]));
}

/** Event data with the named free-text fields sealed with the patient's key, ready to store. */
export async function sealFields(vault: PersonalDataVault, patientId: string, data: Data, fields: readonly string[]): Promise<Data> {
  const sealed = { ...data };
  for (const field of fields) {
    const value = data[field];
    if (typeof value === 'string') sealed[field] = await vault.sealText(patientId, value);
  }
  return sealed;
}

/**
 * Stored event data with every sealed field opened, all with one key lookup. Once the
 * patient is erased the fields read as `{ erased: true }`.
 */
export async function openFields(vault: PersonalDataVault, patientId: string, items: readonly Data[]): Promise<Data[]> {
  const sealed = items.flatMap((data) => Object.values(data).filter(isSealed));
  if (sealed.length === 0) return [...items];
  const opened: (string | Erased)[] = await vault.openTexts(patientId, sealed);
  let next = 0;
  return items.map((data) => Object.fromEntries(Object.entries(data).map(([field, value]) => {
    if (!isSealed(value)) return [field, value];
    next += 1;
    return [field, opened[next - 1]];
  })));
}
