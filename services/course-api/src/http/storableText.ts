import type { FieldError } from './problem.js';

/**
 * Paths of strings PostgreSQL cannot store (text and jsonb refuse NUL). Checked on every
 * parsed input so that no schema can forget it and a query never fails with a 500 on it.
 */
export function unstorableText(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path, message: 'Must not contain a NUL character' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unstorableText(item, `${path}.${key}`));
  }
  return [];
}
