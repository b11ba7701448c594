import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same body hashes the same however its keys were ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same request" for an idempotency key. */
export function requestHash(parts: { scope: string; method: string; path: string; ifMatch: string | undefined; body: unknown }): string {
  return createHash('sha256').update(canonicalJson([parts.scope, parts.method, parts.path, parts.ifMatch ?? null, parts.body])).digest('hex');
}
