import type { z } from 'zod';
/** Whether stored data has a schema's shape at its top level; see storedShapeOf. */
export type StoredShape = (data: Readonly<Record<string, unknown>>) => boolean;
/**
 * A cheap check of stored data against an event's schema: exactly the schema's fields,
 * each of its kind (enums and literals to their values), nothing inside arrays and
 * objects, no string formats, no number ranges. Events are validated by the same schemas
 * when decided, so data of the current version that passes is what the schema's parse
 * would return; anything else still goes through the schema and is refused as before.
 */
export declare function storedShapeOf(schema: z.ZodObject): StoredShape;
//# sourceMappingURL=storedShape.d.ts.map