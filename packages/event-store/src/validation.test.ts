import { runInNewContext } from 'node:vm';
import { testEvent } from './conformance/testEvent.js';
import { InvalidArgumentError, InvalidEventError, PayloadTooLargeError } from './errors.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';
import { validateAppend, validateExpectedRevision, validateReadStreamOptions } from './validation.js';

const limits = { maxPayloadBytes: 1_048_576 };
const validate = (data: unknown, metadata: Record<string, unknown> = {}): unknown => {
  const event = testEvent({ data });
  return validateAppend('test-1', [{ ...event, metadata: { ...event.metadata, ...metadata } }], {}, limits).events[0];
};
const problemOf = (data: unknown): string => {
  try {
    validate(data);
  } catch (error) {
    if (error instanceof InvalidEventError) return error.reason;
    throw error;
  }
  return 'none';
};

describe('data', () => {
  test('problems name the path of the offending value', () => {
    expect(problemOf({ dose: { steps: [1, 2, undefined] } })).toBe('data.dose.steps[2] is a undefined, which JSON cannot represent');
    expect(problemOf({ at: new Date(0) })).toBe('data.at is a Date, not plain JSON data');
    expect(problemOf([{ n: Number.NaN }])).toBe('data[0].n is NaN, which JSON cannot represent');
  });

  test('shared references, null prototypes, -0 and objects from another realm are plain data', () => {
    const shared = { mg: 5 };
    expect(problemOf({ a: shared, b: shared })).toBe('none');
    expect(problemOf(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('none');
    expect(problemOf(runInNewContext('({ list: [1, { nested: true }] })'))).toBe('none');
    expect((validate(-0) as { dataJson: string }).dataJson).toBe('0');
  });

  test('symbol keys, non-enumerable properties, array subclasses and extra array properties are refused', () => {
    expect(problemOf({ [Symbol('s')]: 1 })).toMatch(/symbol or non-enumerable/);
    expect(problemOf(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }))).toMatch(/symbol or non-enumerable/);
    class Steps extends Array<number> {}
    expect(problemOf(Steps.from([1]))).toMatch(/array subclass/);
    expect(problemOf(Object.assign([1], { extra: true }))).toMatch(/extra properties/);
  });

  test('nesting deeper than 100 levels is refused', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 101; i++) deep = [deep];
    expect(problemOf(deep)).toMatch(/nested deeper than 100/);
  });

  test('the payload limit counts UTF-8 bytes of the data JSON and is configurable', async () => {
    // "ææææ" is 10 bytes of JSON: two quotes and four two-byte letters.
    const store = createInMemoryEventStore({ maxPayloadBytes: 10 });
    await expect(store.appendToStream('test-1', [testEvent({ data: 'ææææ' })])).resolves.toBeDefined();
    const tooLarge = store.appendToStream('test-1', [testEvent({ data: 'æææææ' })]);
    await expect(tooLarge).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(tooLarge).rejects.toMatchObject({ bytes: 12, limit: 10 });
  });
});

describe('metadata', () => {
  test('is recorded in one shape: causationId null when absent', () => {
    const event = validate({}) as { metadata: Record<string, unknown>; metadataJson: string };
    expect(event.metadata.causationId).toBeNull();
    expect(Object.keys(JSON.parse(event.metadataJson) as object)).toEqual(['occurredAt', 'actor', 'correlationId', 'causationId', 'schemaVersion']);
  });

  test.each([
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2000-02-29T23:59:59.123456789Z', true],
    ['1900-02-29T00:00:00Z', false],
    ['2025-04-31T00:00:00Z', false],
    ['2025-01-01T24:00:00Z', false],
    ['2025-01-01T12:00:60Z', false],
    ['2025-01-01T12:00:00.Z', false],
    ['2025-01-01T12:00:00z', false],
  ])('occurredAt %s is valid: %s', (occurredAt, valid) => {
    const attempt = (): unknown => validate({}, { occurredAt });
    if (valid) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(InvalidEventError);
  });
});

test('event ids are recorded in lowercase', () => {
  const id = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
  expect(validateAppend('test-1', [{ ...testEvent(), id }], {}, limits).events[0]?.id).toBe(id.toLowerCase());
});

test('options outside the port are InvalidArgumentError', () => {
  expect(() => validateExpectedRevision(Number.MAX_SAFE_INTEGER + 1)).toThrow(InvalidArgumentError);
  expect(() => validateReadStreamOptions({ fromRevision: 1.5 })).toThrow(InvalidArgumentError);
  expect(validateReadStreamOptions({ direction: 'backwards' })).toEqual({ direction: 'backwards', from: 'end', maxCount: null });
});
