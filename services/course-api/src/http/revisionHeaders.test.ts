import { etagOf, expectedRevisionFrom } from './revisionHeaders.js';
import { ProblemError } from './problem.js';

const problemKind = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ProblemError ? error.kind : 'other';
  }
  return 'none';
};

test('an ETag round-trips to the revision it names', () => {
  expect(expectedRevisionFrom(etagOf(0), 'optional')).toBe(0);
  expect(expectedRevisionFrom(` ${etagOf(42)} `, 'required')).toBe(42);
  expect(expectedRevisionFrom('*', 'required')).toBe('stream_exists');
});

test('routes without If-Match ignore it; optional routes accept its absence; required ones refuse it (428)', () => {
  expect(expectedRevisionFrom('"3"', undefined)).toBeUndefined();
  expect(expectedRevisionFrom(undefined, 'optional')).toBeUndefined();
  expect(problemKind(() => expectedRevisionFrom(undefined, 'required'))).toBe('precondition-required');
});

test('weak tags, lists and anything else are a validation problem', () => {
  for (const header of ['W/"3"', '"1", "2"', '3', '"-1"', '"01"', '"x"', '""']) {
    expect(problemKind(() => expectedRevisionFrom(header, 'optional'))).toBe('validation');
  }
});
