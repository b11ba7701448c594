import type { z } from 'zod';
import { defineCommand } from '../kernel/defineCommand.js';
import { uuid } from '../kernel/primitives.js';

/** A command on a `referral-<referralId>` stream. */
export function referralCommand<Type extends string, Shape extends z.ZodRawShape>(type: Type, summary: string, shape: Shape) {
  return defineCommand(type, summary, { referralId: uuid, ...shape });
}
