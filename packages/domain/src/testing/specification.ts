import type { z } from 'zod';
import { fold, type Decider } from '../kernel/decider.js';
import type { Decision } from '../kernel/decision.js';
import type { DomainError } from '../kernel/domainError.js';
import { testContext, type TestContextOptions } from './testContext.js';

/** Anything that can look up an event's schema by type, such as an `eventRegistry`. */
export interface EventSchemas {
  get(type: string): { readonly schema: z.ZodType } | undefined;
}

export interface SpecificationOptions extends TestContextOptions {
  /** When given, every given and emitted event must match its current schema. */
  events?: EventSchemas;
}

function assertEventsValid(events: readonly unknown[], schemas: EventSchemas | undefined): void {
  if (!schemas) return;
  for (const event of events) {
    const { type, data } = event as { type: string; data: unknown };
    const definition = schemas.get(type);
    if (!definition) throw new Error(`No event definition for ${type}`);
    const result = definition.schema.safeParse(data);
    if (!result.success) throw new Error(`${type} does not match its schema: ${result.error.message}`);
  }
}

function describe<E>(decision: Decision<E>): string {
  return decision.ok ? `events ${JSON.stringify(decision.events, null, 2)}` : `refusal ${decision.error.code}: ${decision.error.message}`;
}

/**
 * Specification tests for any decider:
 * `given(...history).when(command).then(...events)` or `.thenRefused(code)`.
 * Each `when` gets a fresh test context, so minted ids are testId(1), testId(2), ...
 */
export function specification<C, E, S>(decider: Decider<C, E, S>, options: SpecificationOptions = {}) {
  const { events: schemas, ...contextOptions } = options;
  return {
    given(...history: E[]) {
      assertEventsValid(history, schemas);
      return {
        when(command: C) {
          const state = fold(decider, history);
          const decision = decider.decide(command, state, testContext(contextOptions));
          return {
            decision,
            /** Asserts the emitted events exactly; returns the state after them. */
            then(...expected: E[]): S {
              if (!decision.ok) throw new Error(`Expected events, got ${describe(decision)}`);
              expect(decision.events).toEqual(expected);
              assertEventsValid(decision.events, schemas);
              return fold(decider, [...history, ...decision.events]);
            },
            /** Asserts the refusal code (and details, if given); returns the error. */
            thenRefused(code: string, details?: Record<string, unknown>): DomainError {
              if (decision.ok) throw new Error(`Expected refusal ${code}, got ${describe(decision)}`);
              expect(decision.error.code).toBe(code);
              if (details) expect(decision.error.details).toMatchObject(details);
              return decision.error;
            },
          };
        },
      };
    },
  };
}
