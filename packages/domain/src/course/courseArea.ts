import type { z } from 'zod';
import type { Decision } from '../kernel/decision.js';
import type { DecisionContext } from '../kernel/decisionContext.js';
import type { EventDefinition } from '../kernel/eventDefinition.js';
import type { CourseState } from './courseState.js';

type AnyEvent = { type: string; data: unknown };
type AnyCommand = { type: string };

/**
 * One part of a course (admission, medication, tapering, bed, ...). The course stream is
 * one consistency boundary, so every area decides against the whole course state, but
 * each area owns its commands, its events, and the slice of state it evolves.
 */
export interface CourseArea<Command extends AnyCommand = AnyCommand, Event extends AnyEvent = AnyEvent> {
  readonly name: string;
  /** zod schemas of the area's commands, each an object with a literal `type`. */
  readonly commands: readonly z.ZodObject[];
  readonly events: readonly EventDefinition<string, z.ZodObject>[];
  /** Event types that are clinical entries (carry `entryId`) and may be marked entered-in-error. */
  readonly retractable: readonly string[];
  decide(command: Command, state: CourseState, context: DecisionContext): Decision<AnyEvent>;
  /** Applies one of the area's own events; events of other areas are never passed in. */
  evolve(state: CourseState, event: Event): CourseState;
}
