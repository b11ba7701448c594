import type { z } from 'zod';
import { defineCommand } from '../kernel/defineCommand.js';
import { uuid } from '../kernel/primitives.js';

/** A command on a `course-<courseId>` stream: a `defineCommand` that names its course. */
export function courseCommand<Type extends string, Shape extends z.ZodRawShape>(type: Type, summary: string, shape: Shape) {
  return defineCommand(type, summary, { courseId: uuid, ...shape });
}
