import { z } from 'zod';
import { instant } from './primitives.js';

/**
 * A command schema: a literal `type`, the optional clinical time `occurredAt` (defaults to
 * now, see clinicalTime.ts) and the command's own fields. The summary becomes the schema's
 * description, which the API shows in its documentation.
 */
export function defineCommand<Type extends string, Shape extends z.ZodRawShape>(type: Type, summary: string, shape: Shape) {
  return z
    .object({ type: z.literal(type), occurredAt: instant.optional(), ...shape })
    .describe(summary);
}

/** The literal `type` of a command schema. */
export function commandTypeOf(schema: z.ZodObject): string {
  const type = schema.shape['type'];
  if (!(type instanceof z.ZodLiteral) || typeof type.value !== 'string') throw new Error('A command schema needs a literal string type');
  return type.value;
}
