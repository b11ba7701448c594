import { DomainError } from './domainError.js';

/** What a decider returns: the events to append, or the rule that refused the command. */
export type Decision<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const refuse = <E = never>(code: string, message: string, details?: Record<string, unknown>): Decision<E> => ({
  ok: false,
  error: new DomainError(code, message, details),
});
