import { z } from 'zod';

/**
 * Every kind of failure the API reports, with its status and a title that never
 * changes (RFC 9457: the title describes the kind, `detail` the occurrence).
 */
export const problemKinds = {
  validation: { status: 400, title: 'The request is not valid' },
  'malformed-request': { status: 400, title: 'The request cannot be read' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'revision-conflict': { status: 409, title: 'The resource has changed' },
  conflict: { status: 409, title: 'The request conflicts with existing data' },
  'idempotency-key-in-use': { status: 409, title: 'A request with this idempotency key is still running' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'domain-rule': { status: 422, title: 'A rule of the treatment course refuses this' },
  'idempotency-key-reused': { status: 422, title: 'The idempotency key was used for a different request' },
  'precondition-required': { status: 428, title: 'An If-Match header is required' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemKinds;

/** A stable URN per kind: not tied to a host name, never changes once published. */
export const problemType = (kind: ProblemKind) => `urn:medfri:problem:${kind}`;

/** Domain rules refine their kind with their own stable code. */
export const domainProblemType = (code: string) => `urn:medfri:problem:domain-rule:${code}`;

const fieldErrorSchema = z.object({
  /** Where the value is: `body.identity.givenName`, `params.patientId`, `header.if-match`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** Identifies this occurrence; the same id is in the service's logs. */
  instance: z.string(),
  errors: z.array(fieldErrorSchema).optional().describe('Each invalid field (validation problems)'),
  code: z.string().optional().describe('The domain rule that refused the command (domain-rule problems)'),
  currentRevision: z.number().int().optional().describe('The revision the resource is at now (revision conflicts)'),
});
export type Problem = z.infer<typeof problemSchema>;

export type ProblemExtensions = Pick<Problem, 'errors' | 'code' | 'currentRevision'>;

/** Thrown anywhere in request handling to end the request with this problem. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extensions: ProblemExtensions & { type?: string } = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  get status(): number {
    return problemKinds[this.kind].status;
  }

  toProblem(instance: string): Problem {
    const { type, ...extensions } = this.extensions;
    const { status, title } = problemKinds[this.kind];
    return { type: type ?? problemType(this.kind), title, status, detail: this.detail, instance, ...extensions };
  }
}

/**
 * The one answer for "this patient-addressed resource does not exist" and "you may not
 * see it": identical, so a refusal never confirms that a patient exists.
 */
export const notVisible = () => new ProblemError('not-found', 'No such resource, or you may not see it');

export const validationProblem = (errors: FieldError[]) =>
  new ProblemError('validation', `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, { errors });
