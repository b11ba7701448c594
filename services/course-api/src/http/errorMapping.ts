import { PayloadTooLargeError, WrongExpectedVersionError } from '@medfri/event-store';
import { isDatabaseUnavailable } from '../db/databaseUnavailable.js';
import { DuplicateIdentityError, PatientErasedError, UnknownPatientError } from '../vault/vaultErrors.js';
import { isDomainRuleViolation } from './domainRuleViolation.js';
import { domainProblemType, ProblemError } from './problem.js';

/** Errors raised by express's body parser carry a `type` and a status. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number';
}

const RETRY_AFTER_SECONDS = '5';

/**
 * Maps anything thrown while handling a request to the problem the client sees.
 * Unknown errors become a generic 500 with no detail: messages of unexpected errors
 * may contain personal data or internals.
 */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isDomainRuleViolation(error)) {
    return new ProblemError('domain-rule', error.message, { type: domainProblemType(error.code), code: error.code });
  }
  if (error instanceof WrongExpectedVersionError) {
    return new ProblemError(
      'revision-conflict',
      'The resource was changed by someone else; read it again and retry with its current ETag',
      typeof error.actual === 'number' ? { currentRevision: error.actual } : {},
    );
  }
  if (error instanceof PayloadTooLargeError) {
    return new ProblemError('payload-too-large', `The request is over the limit of ${error.limit} bytes per event`);
  }
  if (error instanceof DuplicateIdentityError) {
    return new ProblemError('conflict', 'A patient with this national identity number is already registered');
  }
  if (error instanceof PatientErasedError) {
    return new ProblemError('conflict', "The patient's personal data has been erased");
  }
  if (error instanceof UnknownPatientError) {
    return new ProblemError('not-found', 'No such patient');
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') return new ProblemError('payload-too-large', 'The request body is over the size limit');
    if (error.status >= 400 && error.status < 500) return new ProblemError('malformed-request', 'The request body is not valid JSON');
  }
  if (isDatabaseUnavailable(error)) {
    return new ProblemError('unavailable', 'The database cannot be reached; retry later', {}, { 'Retry-After': RETRY_AFTER_SECONDS });
  }
  return new ProblemError('internal', 'An unexpected error occurred; it has been logged');
}
