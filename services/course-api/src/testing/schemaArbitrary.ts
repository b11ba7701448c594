import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
}

/** Values worth trying: per field name (ids, numbers and units of the test world), and for any string. */
export interface FuzzSamples {
  byField: Readonly<Record<string, readonly unknown[]>>;
  strings: readonly string[];
}

const troublemakers = ['', ' ', '\u0000', "' OR 1=1 --", '__proto__', 'constructor', '🙂'.repeat(50), '9'.repeat(400), '-1', 'null', '<script>'];
const MISSING = Symbol('missing');

// Dates around the test clock's present, so clinical times are mostly accepted by the rules.
const instants = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true });

/** Strings in the formats the schemas declare (ids, times), so generated bodies pass validation. */
const formatted: Readonly<Record<string, fc.Arbitrary<string>>> = {
  uuid: fc.uuid({ version: 4 }),
  'date-time': instants.map((date) => date.toISOString()),
  date: instants.map((date) => date.toISOString().slice(0, 10)),
};

/**
 * Values shaped by a zod schema's JSON Schema: mostly plausible (so generated requests
 * reach deep into handlers, and some succeed), with wild values, missing keys and
 * unknown keys mixed in.
 */
export function arbitraryFor(schema: z.ZodType, samples: FuzzSamples): fc.Arbitrary<unknown> {
  return valueFor(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, samples, 3, undefined);
}

function plausibleFor(schema: JsonSchema, samples: FuzzSamples, depth: number, field: string | undefined): fc.Arbitrary<unknown>[] {
  const known = field === undefined ? undefined : samples.byField[field];
  if (known && known.length > 0) return [fc.constantFrom(...known)];
  if (schema.enum) return [fc.constantFrom(...schema.enum)];
  if (schema.const !== undefined) return [fc.constant(schema.const)];
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (variants.length > 0) return variants.map((variant) => valueFor(variant, samples, depth, field));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.flatMap((type): fc.Arbitrary<unknown>[] => {
    switch (type) {
      case 'object':
        return depth > 0 ? [objectFor(schema, samples, depth - 1)] : [];
      case 'string':
        return [fc.constantFrom(...samples.strings), formatted[schema.format ?? ''] ?? fc.string({ minLength: 1, maxLength: 30 })];
      case 'integer':
      case 'number':
        return [fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1000) })];
      case 'array':
        return schema.items && depth > 0 ? [fc.array(valueFor(schema.items, samples, depth - 1, field), { maxLength: 3 })] : [];
      case 'boolean':
        return [fc.boolean()];
      default:
        return [];
    }
  });
}

function valueFor(schema: JsonSchema, samples: FuzzSamples, depth: number, field: string | undefined): fc.Arbitrary<unknown> {
  const wild = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(...troublemakers), fc.string({ maxLength: 30 }), fc.double());
  const plausible = plausibleFor(schema, samples, depth, field);
  return plausible.length === 0 ? wild : fc.oneof({ arbitrary: fc.oneof(...plausible), weight: 12 }, { arbitrary: wild, weight: 1 });
}

function objectFor(schema: JsonSchema, samples: FuzzSamples, depth: number): fc.Arbitrary<Record<string, unknown>> {
  // Required keys go missing now and then; optional ones half of the time.
  const fields = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) =>
    [key, fc.option(valueFor(property, samples, depth, key), { freq: schema.required?.includes(key) ? 20 : 2, nil: MISSING })]));
  const unknown = fc.oneof(
    { arbitrary: fc.constant({}), weight: 20 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 }), weight: 1 },
  );
  return fc.tuple(fc.record(fields), unknown).map(([known, extra]) => ({
    ...extra,
    ...Object.fromEntries(Object.entries(known).filter(([, value]) => value !== MISSING)),
  }));
}
