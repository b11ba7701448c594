"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.storedShapeOf = storedShapeOf;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A field's kind and, for codes, its allowed values; what lies inside arrays and objects is not looked at. */
function valueCheckOf(field) {
    const def = field._zod.def;
    switch (def.type) {
        case 'optional': {
            const inner = valueCheckOf(def.innerType);
            return (value) => value === undefined || inner(value);
        }
        case 'nullable': {
            const inner = valueCheckOf(def.innerType);
            return (value) => value === null || inner(value);
        }
        case 'union': {
            const options = def.options.map(valueCheckOf);
            return (value) => options.some((option) => option(value));
        }
        case 'string':
            return (value) => typeof value === 'string';
        case 'number':
            return (value) => typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return (value) => typeof value === 'boolean';
        case 'enum': {
            const codes = new Set(Object.values(def.entries));
            return (value) => codes.has(value);
        }
        case 'literal': {
            const values = new Set(def.values);
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
function storedShapeOf(schema) {
    const fields = Object.entries(schema.shape).map(([name, field]) => ({ name, check: valueCheckOf(field) }));
    const names = new Set(fields.map(({ name }) => name));
    return (data) => {
        for (const { name, check } of fields)
            if (!check(data[name]))
                return false;
        for (const name in data)
            if (!names.has(name))
                return false;
        return true;
    };
}
//# sourceMappingURL=storedShape.js.map