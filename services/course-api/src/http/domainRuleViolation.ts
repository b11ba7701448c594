/**
 * What the API needs to know of a command a domain rule refused. The domain package's
 * `DomainError` has this shape; anything else with it maps the same way (422).
 */
export interface DomainRuleViolation {
  readonly kind: 'domain';
  /** Stable, machine-readable: becomes part of the problem type. */
  readonly code: string;
  /** For people; must not contain personal data (deciders see none). */
  readonly message: string;
}

export function isDomainRuleViolation(value: unknown): value is DomainRuleViolation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return candidate.kind === 'domain' && typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
