/**
 * A command refused by a domain rule. Returned as a value by deciders (never thrown),
 * so callers must handle it; `code` is stable and becomes the problem type over HTTP.
 */
export class DomainError {
  readonly kind = 'domain' as const;
  constructor(
    readonly code: string,
    readonly message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {}
}
