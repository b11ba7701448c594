import { DateTime, Duration } from 'luxon';
import { refuse, type Decision } from './decision.js';
import type { DecisionContext } from './decisionContext.js';

/** What every command may carry: when it happened clinically, if not just now (entries are often written afterwards). */
export interface ClinicallyTimed {
  readonly occurredAt?: string | undefined;
}

/** Clocks of clients and server disagree a little; a clinical time this far ahead of now is still accepted. */
export const clockSkewTolerance = Duration.fromObject({ minutes: 5 });

/** An instant as stored and sent on the wire: ISO 8601 in UTC. Throws on an invalid DateTime, which is a bug. */
export function isoInstant(time: DateTime): string {
  const iso = time.toUTC().toISO();
  if (iso === null) throw new Error(`Invalid time: ${time.invalidExplanation ?? 'unknown reason'}`);
  return iso;
}

/** The clinical time of a command: its `occurredAt`, or now; always in the canonical form `isoInstant` gives. */
export function occurredAtOf(command: ClinicallyTimed, context: DecisionContext): string {
  return command.occurredAt === undefined ? isoInstant(context.now) : isoInstant(DateTime.fromISO(command.occurredAt, { zone: 'utc' }));
}

/** Orders two ISO instants by time, not by spelling (`...00Z` and `...00.000Z` are the same instant). */
export function compareInstants(a: string, b: string): number {
  // Instants are ISO 8601 with an offset, which Date parses exactly, at a fraction of luxon's cost: read models compare them by the thousand.
  return Date.parse(a) - Date.parse(b);
}

/**
 * Refuses a command dated in the future (beyond the clock skew tolerance); null when the
 * time is acceptable. Stream deciders apply it before any area decides.
 */
export function refuseFutureClinicalTime(command: ClinicallyTimed, context: DecisionContext): Decision<never> | null {
  if (command.occurredAt === undefined) return null;
  const occurredAt = DateTime.fromISO(command.occurredAt, { zone: 'utc' });
  const latest = context.now.plus(clockSkewTolerance);
  if (occurredAt <= latest) return null;
  return refuse('occurred_in_future', 'The clinical time of the command lies in the future', {
    occurredAt: command.occurredAt,
    now: isoInstant(context.now),
  });
}
