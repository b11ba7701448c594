import type { z } from 'zod';

/** Whether stored data has a schema's shape at its top level; see storedShapeOf. */
export type StoredShape = (data: Readonly<Record<string, unknown>>) => boolean;

type ValueCheck = (value: unknown) => boolean;

const isObject: ValueCheck = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's kind and, for codes, its allowed values; what lies inside arrays and objects is not looked at. */
function valueCheckOf(field: z.core.$ZodType): ValueCheck {
  const def = field._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'optional': {
      const inner = valueCheckOf(def.innerType as z.core.$ZodType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = valueCheckOf(def.innerType as z.core.$ZodType);
      return (value) => value === null || inner(value);
    }
    case 'union': {
      const options = (def.options as z.core.$ZodType[]).map(valueCheckOf);
      return (value) => options.some((option) => option(value));
    }
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum': {
      const codes = new Set(Object.values(def.entries as Record<string, unknown>));
      return (value) => codes.has(value);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (value) => values.has(value);
    }
    case 'array':
      return Array.isArray;
    case 'object':
      return isObject;
    default:
      // A kind this check does not know: such data always goes through the schema.
      return () => false;
  }
}

/**
 * A cheap check of stored data against an event's schema: exactly the schema's fields,
 * each of its kind (enums and literals to their values), nothing inside arrays and
 * objects, no string formats, no number ranges. Events are validated by the same schemas
 * when decided, so data of the current version that passes is what the schema's parse
 * would return; anything else still goes through the schema and is refused as before.
 */
export function storedShapeOf(schema: z.ZodObject): StoredShape {
  const fields = Object.entries(schema.shape).map(([name, field]) => ({ name, check: valueCheckOf(field) }));
  const names = new Set(fields.map(({ name }) => name));
  return (data) => {
    for (const { name, check } of fields) if (!check(data[name])) return false;
    for (const name in data) if (!names.has(name)) return false;
    return true;
  };
}
