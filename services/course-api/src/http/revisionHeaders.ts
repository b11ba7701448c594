import type { ExpectedRevision } from '@medfri/event-store';
import { ProblemError, validationProblem } from './problem.js';

/** A stream revision as a strong entity tag. */
export const etagOf = (revision: number) => `"${revision}"`;

/**
 * The revision a write expects, from If-Match: `"<revision>"`, or `*` for "the stream
 * exists". Weak tags and lists are refused: a revision is one exact value.
 */
export function expectedRevisionFrom(header: string | undefined, mode: 'optional' | 'required' | undefined): ExpectedRevision | undefined {
  if (mode === undefined) return undefined;
  if (header === undefined) {
    if (mode === 'required') throw new ProblemError('precondition-required', 'Send If-Match with the ETag of your last read');
    return undefined;
  }
  const value = header.trim();
  if (value === '*') return 'stream_exists';
  const revision = /^"(0|[1-9]\d{0,14})"$/.exec(value)?.[1];
  if (revision === undefined) {
    throw validationProblem([{ path: 'header.if-match', message: 'must be one ETag as sent by a read, e.g. "3"' }]);
  }
  return Number(revision);
}
