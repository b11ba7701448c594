/**
 * The one conformance suite every adapter must pass. It registers jest describe/test
 * blocks and speaks only the port: no SQL, no adapter internals, so the KurrentDB adapter
 * runs it unchanged. Tests use fresh stream names and positions relative to the head, so
 * the factory may hand out stores that share one backing database.
 */
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamNameError,
  PayloadTooLargeError,
  WrongExpectedVersionError,
} from '../errors.js';
import type { EventData, EventStore, ExpectedRevision, RecordedEvent } from '../port.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../validation.js';
import { testEvent as event } from './testEvent.js';

export interface ConformanceFixture {
  store: EventStore;
  /** Releases what the factory made besides the store (the suite closes the store itself). */
  teardown?: () => Promise<void>;
}

/** How long a test waits for a subscription to deliver before it fails (a guard, not a sleep). */
const DELIVERY_TIMEOUT_MS = 10_000;

export function describeEventStoreConformance(name: string, createFixture: () => Promise<ConformanceFixture>): void {
  describe(`${name}: event store conformance`, () => {
    let fixture: ConformanceFixture;
    let store: EventStore;

    beforeAll(async () => {
      fixture = await createFixture();
      store = fixture.store;
    });
    afterAll(async () => {
      await store?.close();
      await fixture?.teardown?.();
    });

    describe('appendToStream and expected revisions', () => {
      test('appends to a new stream with revisions from 0 and returns the last revision', async () => {
        const stream = newStream();
        const result = await store.appendToStream(stream, [event(), event(), event()], { expected: 'no_stream' });
        expect(result).toEqual({ nextExpectedRevision: 2, duplicate: false });
        const recorded = await store.readStream(stream);
        expect(recorded.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(recorded.every((e) => e.stream === stream)).toBe(true);
      });

      test('any: appends whether or not the stream exists (the default)', async () => {
        const stream = newStream();
        expect(await store.appendToStream(stream, [event()], { expected: 'any' })).toEqual({ nextExpectedRevision: 0, duplicate: false });
        expect(await store.appendToStream(stream, [event(), event()])).toEqual({ nextExpectedRevision: 2, duplicate: false });
      });

      test('no_stream: refuses an existing stream, reporting the actual revision', async () => {
        const stream = await streamWith(2);
        await expectWrongExpected(store.appendToStream(stream, [event()], { expected: 'no_stream' }), stream, 'no_stream', 1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('stream_exists: refuses a missing stream and accepts an existing one', async () => {
        const missing = newStream();
        await expectWrongExpected(store.appendToStream(missing, [event()], { expected: 'stream_exists' }), missing, 'stream_exists', 'no_stream');
        expect(await store.readStream(missing)).toEqual([]);
        const stream = await streamWith(1);
        expect(await store.appendToStream(stream, [event()], { expected: 'stream_exists' })).toEqual({ nextExpectedRevision: 1, duplicate: false });
      });

      test('exact revision: appends only when it is the revision of the last event', async () => {
        const stream = await streamWith(3);
        await expectWrongExpected(store.appendToStream(stream, [event()], { expected: 1 }), stream, 1, 2);
        await expectWrongExpected(store.appendToStream(stream, [event()], { expected: 3 }), stream, 3, 2);
        expect(await store.appendToStream(stream, [event()], { expected: 2 })).toEqual({ nextExpectedRevision: 3, duplicate: false });
        const missing = newStream();
        await expectWrongExpected(store.appendToStream(missing, [event()], { expected: 0 }), missing, 0, 'no_stream');
      });

      test('an empty append writes nothing, checks the expected revision and returns the current revision', async () => {
        const missing = newStream();
        expect(await store.appendToStream(missing, [], { expected: 'no_stream' })).toEqual({ nextExpectedRevision: -1, duplicate: false });
        expect(await store.readStream(missing)).toEqual([]);
        const stream = await streamWith(2);
        const head = await store.headPosition();
        expect(await store.appendToStream(stream, [])).toEqual({ nextExpectedRevision: 1, duplicate: false });
        await expectWrongExpected(store.appendToStream(stream, [], { expected: 0 }), stream, 0, 1);
        expect(await store.headPosition()).toBe(head);
      });

      test('an expected revision that is not one of the modes is refused', async () => {
        for (const expected of [-1, 1.5, 'latest', null] as unknown as ExpectedRevision[]) {
          await expect(store.appendToStream(newStream(), [event()], { expected })).rejects.toBeInstanceOf(InvalidArgumentError);
        }
      });

      test('two concurrent appends with the same expected revision: exactly one succeeds', async () => {
        for (let round = 0; round < 5; round++) {
          const stream = await streamWith(1);
          const results = await Promise.allSettled([
            store.appendToStream(stream, [event()], { expected: 0 }),
            store.appendToStream(stream, [event(), event()], { expected: 0 }),
          ]);
          const fulfilled = results.filter((r) => r.status === 'fulfilled');
          const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(fulfilled).toHaveLength(1);
          expect(rejected).toHaveLength(1);
          expect(rejected[0]?.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(rejected[0]?.reason).toMatchObject({ stream, expected: 0 });
          const winner = (fulfilled[0] as PromiseFulfilledResult<{ nextExpectedRevision: number }>).value;
          expect((await store.readStream(stream)).map((e) => e.revision)).toEqual(
            Array.from({ length: winner.nextExpectedRevision + 1 }, (_, i) => i),
          );
        }
      });

      test('concurrent appends with any to one stream all succeed with distinct consecutive revisions', async () => {
        const stream = newStream();
        const results = await Promise.all(Array.from({ length: 10 }, () => store.appendToStream(stream, [event(), event()])));
        expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    });

    describe('idempotent retries and duplicate ids', () => {
      test('appending the same events again is a no-op success', async () => {
        const stream = newStream();
        const events = [event(), event()];
        await store.appendToStream(stream, events, { expected: 'no_stream' });
        const head = await store.headPosition();
        expect(await store.appendToStream(stream, events, { expected: 'no_stream' })).toEqual({ nextExpectedRevision: 1, duplicate: true });
        expect(await store.appendToStream(stream, events)).toEqual({ nextExpectedRevision: 1, duplicate: true });
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.headPosition()).toBe(head);
      });

      test('a retry with its exact revision succeeds after the stream moved on', async () => {
        const stream = await streamWith(1);
        const retried = [event(), event()];
        expect(await store.appendToStream(stream, retried, { expected: 0 })).toEqual({ nextExpectedRevision: 2, duplicate: false });
        await store.appendToStream(stream, [event()], { expected: 2 });
        expect(await store.appendToStream(stream, retried, { expected: 0 })).toEqual({ nextExpectedRevision: 2, duplicate: true });
        expect((await store.readStream(stream)).map((e) => e.id)).toHaveLength(4);
      });

      test('a retry of a consecutive part of an earlier append is a no-op success', async () => {
        const stream = newStream();
        const events = [event(), event(), event()];
        await store.appendToStream(stream, events);
        expect(await store.appendToStream(stream, events.slice(1), { expected: 0 })).toEqual({ nextExpectedRevision: 2, duplicate: true });
      });

      test('ids are the same UUID whatever their letter case, and are recorded in lowercase', async () => {
        const stream = newStream();
        const upper = { ...event(), id: randomUUID().toUpperCase() };
        await store.appendToStream(stream, [upper]);
        const [recorded] = await store.readStream(stream);
        expect(recorded?.id).toBe(upper.id.toLowerCase());
        expect(await store.appendToStream(stream, [{ ...upper, id: upper.id.toLowerCase() }])).toEqual({ nextExpectedRevision: 0, duplicate: true });
      });

      test('some ids already recorded, others not: DuplicateEventIdError, nothing written', async () => {
        const stream = newStream();
        const first = event();
        await store.appendToStream(stream, [first]);
        const head = await store.headPosition();
        const fresh = event();
        await expectDuplicateId(store.appendToStream(stream, [first, fresh]), first.id);
        await expectDuplicateId(store.appendToStream(stream, [fresh, first]), first.id);
        expect(await store.readStream(stream)).toHaveLength(1);
        expect(await store.headPosition()).toBe(head);
      });

      test('ids recorded in another stream: DuplicateEventIdError', async () => {
        const events = [event(), event()];
        await store.appendToStream(newStream(), events);
        const other = newStream();
        await expectDuplicateId(store.appendToStream(other, events), events[0]?.id as string);
        expect(await store.readStream(other)).toEqual([]);
      });

      test('the same ids in a different order are not a retry: DuplicateEventIdError', async () => {
        const stream = newStream();
        const [a, b] = [event(), event()];
        await store.appendToStream(stream, [a, b]);
        await expectDuplicateId(store.appendToStream(stream, [b, a]), b.id);
      });

      test('concurrent appends of one id to two streams: exactly one records it', async () => {
        const shared = event();
        const [s1, s2] = [newStream(), newStream()];
        const results = await Promise.allSettled([store.appendToStream(s1, [shared]), store.appendToStream(s2, [shared])]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(DuplicateEventIdError);
        expect((await store.readStream(s1)).length + (await store.readStream(s2)).length).toBe(1);
      });
    });

    describe('readStream', () => {
      let stream: string;
      let ids: string[];
      beforeAll(async () => {
        stream = newStream();
        const events = Array.from({ length: 5 }, () => event());
        ids = events.map((e) => e.id);
        await store.appendToStream(stream, events.slice(0, 2));
        await store.appendToStream(stream, events.slice(2));
      });
      const read = async (options?: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
        (await store.readStream(stream, options)).map((e) => e.revision);

      test('forwards from the start, in revision order, with the recorded ids', async () => {
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(events.map((e) => e.id)).toEqual(ids);
        expect(await read({ direction: 'forwards', fromRevision: 'start' })).toEqual([0, 1, 2, 3, 4]);
      });
      test('forwards from a revision (inclusive) with maxCount', async () => {
        expect(await read({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await read({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await read({ fromRevision: 4, maxCount: 10 })).toEqual([4]);
        expect(await read({ fromRevision: 5 })).toEqual([]);
        expect(await read({ fromRevision: 'end' })).toEqual([]);
        expect(await read({ maxCount: 0 })).toEqual([]);
      });
      test('backwards from the end or from a revision (inclusive) with maxCount', async () => {
        expect(await read({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await read({ direction: 'backwards', fromRevision: 'end', maxCount: 2 })).toEqual([4, 3]);
        expect(await read({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
        expect(await read({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await read({ direction: 'backwards', fromRevision: 99, maxCount: 1 })).toEqual([4]);
        expect(await read({ direction: 'backwards', fromRevision: 'start' })).toEqual([0]);
      });
      test('global positions increase with revisions', async () => {
        const positions = (await store.readStream(stream)).map((e) => e.position);
        expect(positions.every((p, i) => Number.isSafeInteger(p) && p >= 1 && (i === 0 || p > (positions[i - 1] as number)))).toBe(true);
      });
      test('a missing stream reads as empty in both directions', async () => {
        expect(await store.readStream(newStream())).toEqual([]);
        expect(await store.readStream(newStream(), { direction: 'backwards' })).toEqual([]);
      });
      test('bad names and options are refused', async () => {
        await expect(store.readStream('no category')).rejects.toBeInstanceOf(InvalidStreamNameError);
        await expect(store.readStream(stream, { maxCount: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.readStream(stream, { fromRevision: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.readStream(stream, { direction: 'sideways' as 'forwards' })).rejects.toBeInstanceOf(InvalidArgumentError);
      });
    });

    describe('readAll', () => {
      test('reads after a position, in global order, contiguous, with maxCount', async () => {
        const head = await store.headPosition();
        const [a, b] = [newStream(), newStream()];
        const appended = [event(), event(), event(), event(), event()];
        await store.appendToStream(a, appended.slice(0, 2));
        await store.appendToStream(b, appended.slice(2, 3));
        await store.appendToStream(a, appended.slice(3));
        const all = await store.readAll({ after: head });
        expect(all.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5].map((i) => head + i));
        expect(all.map((e) => `${e.stream === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a0', 'a1', 'b0', 'a2', 'a3']);
        expect((await store.readAll({ after: head, maxCount: 2 })).map((e) => e.position)).toEqual([head + 1, head + 2]);
        expect((await store.readAll({ after: head + 3, maxCount: 10 })).map((e) => e.position)).toEqual([head + 4, head + 5]);
        expect(await store.readAll({ after: head + 5 })).toEqual([]);
        expect(await store.readAll({ after: head, maxCount: 0 })).toEqual([]);
        expect(await store.headPosition()).toBe(head + 5);
      });
      test('an acknowledged append is visible to a following readAll', async () => {
        const head = await store.headPosition();
        const appended = event();
        await store.appendToStream(newStream(), [appended]);
        expect((await store.readAll({ after: head })).map((e) => e.id)).toEqual([appended.id]);
      });
      test('from the start, positions begin at 1', async () => {
        await store.appendToStream(newStream(), [event()]);
        const [first] = await store.readAll({ maxCount: 1 });
        expect(first?.position).toBe(1);
      });
      test('bad options are refused', async () => {
        await expect(store.readAll({ after: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
        await expect(store.readAll({ maxCount: 1.5 })).rejects.toBeInstanceOf(InvalidArgumentError);
      });
    });

    describe('subscribeToAll', () => {
      test('catches up from a checkpoint, then follows live', async () => {
        const head = await store.headPosition();
        const stream = newStream();
        const before = [event(), event(), event()];
        await store.appendToStream(stream, before);
        const subscription = store.subscribeToAll({ after: head, pageSize: 2 });
        const iterator = subscription[Symbol.asyncIterator]();
        try {
          const caughtUp = await take(iterator, 3);
          expect(caughtUp.map((e) => e.id)).toEqual(before.map((e) => e.id));
          const pending = take(iterator, 2);
          const live = [event(), event()];
          await store.appendToStream(stream, live.slice(0, 1));
          await store.appendToStream(newStream(), live.slice(1));
          const followed = await pending;
          expect(followed.map((e) => e.id)).toEqual(live.map((e) => e.id));
          expect([...caughtUp, ...followed].map((e) => e.position)).toEqual([1, 2, 3, 4, 5].map((i) => head + i));
        } finally {
          await subscription.stop();
        }
      });

      test('starts after the checkpoint it is given', async () => {
        const head = await store.headPosition();
        await store.appendToStream(newStream(), [event(), event(), event()]);
        const subscription = store.subscribeToAll({ after: head + 2 });
        try {
          const [first] = await take(subscription[Symbol.asyncIterator](), 1);
          expect(first?.position).toBe(head + 3);
        } finally {
          await subscription.stop();
        }
      });

      test('from the start when no checkpoint is given', async () => {
        await store.appendToStream(newStream(), [event()]);
        const subscription = store.subscribeToAll();
        try {
          const [first] = await take(subscription[Symbol.asyncIterator](), 1);
          expect(first?.position).toBe(1);
        } finally {
          await subscription.stop();
        }
      });

      test('stop() ends the iteration: a pending next() resolves done', async () => {
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await subscription.stop();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
        await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
      });

      test('breaking out of for await stops the subscription', async () => {
        const head = await store.headPosition();
        await store.appendToStream(newStream(), [event(), event()]);
        const subscription = store.subscribeToAll({ after: head });
        const seen: number[] = [];
        for await (const recorded of subscription) {
          seen.push(recorded.position);
          if (seen.length === 2) break;
        }
        expect(seen).toEqual([head + 1, head + 2]);
        await expect(subscription.stop()).resolves.toBeUndefined();
      });

      test('a slow consumer receives everything in order, page by page', async () => {
        const head = await store.headPosition();
        const events = Array.from({ length: 25 }, () => event());
        await store.appendToStream(newStream(), events);
        const subscription = store.subscribeToAll({ after: head, pageSize: 4 });
        try {
          const iterator = subscription[Symbol.asyncIterator]();
          const received: RecordedEvent[] = [];
          while (received.length < events.length) {
            const [next] = await take(iterator, 1);
            received.push(next as RecordedEvent);
            await new Promise((resolve) => setImmediate(resolve)); // a consumer that does some work per event
          }
          expect(received.map((e) => e.id)).toEqual(events.map((e) => e.id));
        } finally {
          await subscription.stop();
        }
      });

      test('bad options are refused', () => {
        expect(() => store.subscribeToAll({ after: -1 })).toThrow(InvalidArgumentError);
        expect(() => store.subscribeToAll({ pageSize: 0 })).toThrow(InvalidArgumentError);
      });

      test('close() stops every subscription of the store', async () => {
        const own = await createFixture();
        try {
          const subscription = own.store.subscribeToAll({ after: await own.store.headPosition() });
          const pending = subscription[Symbol.asyncIterator]().next();
          await own.store.close();
          await expect(pending).resolves.toEqual({ done: true, value: undefined });
        } finally {
          await own.store.close();
          await own.teardown?.();
        }
      });
    });

    describe('metadata and data', () => {
      test('round-trip exactly, with recordedAt set by the store', async () => {
        const stream = newStream();
        const data = {
          text: 'Nedtrapping 25 % — uke 3 ✓ 🙂',
          numbers: [0, -1, 1.5, 1e21, 5e-324, Number.MAX_SAFE_INTEGER],
          flags: { yes: true, no: false, nothing: null },
          nested: { empty: {}, list: [], deep: { deeper: [{ a: 1 }] } },
        };
        const withCausation = event({ data, causationId: randomUUID(), occurredAt: '2020-02-29T23:59:59.123456Z' });
        const without = event({ data: 'just a string' });
        const nothing = event({ data: null });
        const before = Date.now();
        await store.appendToStream(stream, [withCausation, without, nothing]);
        const after = Date.now();
        const [first, second, third] = await store.readStream(stream);
        expect(first).toEqual({
          id: withCausation.id,
          stream,
          type: withCausation.type,
          revision: 0,
          position: expect.any(Number),
          data,
          metadata: { ...withCausation.metadata, recordedAt: expect.any(String) },
        });
        expect(second?.data).toBe('just a string');
        expect(second?.metadata.causationId).toBeNull();
        expect(third?.data).toBeNull();
        for (const recorded of [first, second]) {
          const recordedAt = recorded?.metadata.recordedAt as string;
          expect(recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
          // The store's clock may be another machine's: allow for a little skew.
          expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 2000);
          expect(Date.parse(recordedAt)).toBeLessThanOrEqual(after + 2000);
        }
        const [viaAll] = await store.readAll({ after: (first?.position as number) - 1, maxCount: 1 });
        expect(viaAll).toEqual(first);
      });

      test('clinical time may be long before store time', async () => {
        const stream = newStream();
        await store.appendToStream(stream, [event({ occurredAt: '1999-12-31T23:00:00Z' })]);
        const [recorded] = await store.readStream(stream);
        expect(recorded?.metadata.occurredAt).toBe('1999-12-31T23:00:00Z');
      });

      test('what a reader does to an event it received does not change the store', async () => {
        const stream = newStream();
        await store.appendToStream(stream, [event({ data: { list: [1] } })]);
        const [first] = await store.readStream(stream);
        (first?.data as { list: number[] }).list.push(2);
        (first?.metadata.actor as { id: string }).id = 'changed';
        const [again] = await store.readStream(stream);
        expect(again?.data).toEqual({ list: [1] });
        expect(again?.metadata.actor.id).not.toBe('changed');
      });

      test(`data of exactly ${DEFAULT_MAX_PAYLOAD_BYTES} bytes is accepted; one byte more is PayloadTooLargeError`, async () => {
        const fits = 'x'.repeat(DEFAULT_MAX_PAYLOAD_BYTES - 2); // the JSON string adds two quotes
        const stream = newStream();
        await store.appendToStream(stream, [event({ data: fits })]);
        expect((await store.readStream(stream))[0]?.data).toBe(fits);
        const other = newStream();
        const tooLarge = store.appendToStream(other, [event(), event({ data: `${fits}x` })]);
        await expect(tooLarge).rejects.toBeInstanceOf(PayloadTooLargeError);
        await expect(tooLarge).rejects.toMatchObject({ index: 1, bytes: DEFAULT_MAX_PAYLOAD_BYTES + 1, limit: DEFAULT_MAX_PAYLOAD_BYTES });
        expect(await store.readStream(other)).toEqual([]);
      });
    });

    describe('bad input is refused with a typed error and writes nothing', () => {
      class Dose {
        constructor(readonly mg: number) {}
      }
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays

      const badEvents: Array<[string, () => unknown, new (...args: never[]) => Error]> = [
        ['an id that is not a UUID', () => ({ ...event(), id: 'not-a-uuid' }), InvalidEventError],
        ['a missing id', () => ({ ...event(), id: undefined }), InvalidEventError],
        ['an empty type', () => event({ type: '' }), InvalidEventError],
        ['a type over 200 characters', () => event({ type: 'T'.repeat(201) }), InvalidEventError],
        ['a type that is not a string', () => ({ ...event(), type: 42 }), InvalidEventError],
        ['undefined data', () => event({ data: undefined }), InvalidEventError],
        ['undefined inside data', () => event({ data: { a: undefined } }), InvalidEventError],
        ['a function in data', () => event({ data: { f: () => 1 } }), InvalidEventError],
        ['a bigint in data', () => event({ data: { n: BigInt(1) } }), InvalidEventError],
        ['NaN in data', () => event({ data: [Number.NaN] }), InvalidEventError],
        ['Infinity in data', () => event({ data: { n: Number.POSITIVE_INFINITY } }), InvalidEventError],
        ['a cyclic structure', () => event({ data: cyclic }), InvalidEventError],
        ['a Date in data', () => event({ data: { at: new Date() } }), InvalidEventError],
        ['a Map in data', () => event({ data: new Map([['a', 1]]) }), InvalidEventError],
        ['a class instance in data', () => event({ data: new Dose(5) }), InvalidEventError],
        ['a sparse array in data', () => event({ data: sparse }), InvalidEventError],
        ['a NUL character in data', () => event({ data: 'a\u0000b' }), InvalidEventError],
        ['an unpaired surrogate in data', () => event({ data: { ['\uD800']: 1 } }), InvalidEventError],
        ['an unknown event property', () => ({ ...event(), extra: 1 }), InvalidEventError],
        ['missing metadata', () => ({ ...event(), metadata: undefined }), InvalidEventError],
        ['occurredAt with an offset instead of UTC', () => event({ occurredAt: '2025-01-01T12:00:00+01:00' }), InvalidEventError],
        ['occurredAt that is not a date', () => event({ occurredAt: '2025-02-30T12:00:00Z' }), InvalidEventError],
        ['occurredAt without time', () => event({ occurredAt: '2025-01-01' }), InvalidEventError],
        ['a missing actor', () => event({ actor: undefined }), InvalidEventError],
        ['an actor with an empty id', () => event({ actor: { id: '', role: 'clinician' } }), InvalidEventError],
        ['an actor with an unknown role', () => event({ actor: { id: 'u1', role: 'nurse' } }), InvalidEventError],
        ['an actor carrying a name', () => event({ actor: { id: 'u1', role: 'clinician', name: 'Kari' } }), InvalidEventError],
        ['an empty correlationId', () => event({ correlationId: '' }), InvalidEventError],
        ['an empty causationId', () => event({ causationId: '' }), InvalidEventError],
        ['schemaVersion 0', () => event({ schemaVersion: 0 }), InvalidEventError],
        ['a fractional schemaVersion', () => event({ schemaVersion: 1.5 }), InvalidEventError],
        ['an unknown metadata property', () => event({ extraMetadata: { patientName: 'Kari' } }), InvalidEventError],
        ['a duplicate id within the append', () => 'duplicate', InvalidEventError],
        ['data over the payload limit', () => event({ data: 'x'.repeat(DEFAULT_MAX_PAYLOAD_BYTES) }), PayloadTooLargeError],
      ];

      test.each(badEvents)('%s', async (_label, makeBad, errorType) => {
        const stream = newStream();
        const good = event();
        const bad = makeBad();
        const batch = (bad === 'duplicate' ? [good, { ...event(), id: good.id }] : [good, bad]) as EventData[];
        const head = await store.headPosition();
        const attempt = store.appendToStream(stream, batch);
        await expect(attempt).rejects.toBeInstanceOf(errorType);
        await expect(attempt).rejects.toMatchObject({ index: 1 });
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.headPosition()).toBe(head);
        // The good event alone is fine: the whole batch was refused, not just the bad event.
        await store.appendToStream(stream, [good]);
      });

      test.each([
        ['empty', ''],
        ['without category', 'nocategory'],
        ['with an empty category', '-id'],
        ['with an empty id', 'course-'],
        ['with a space', 'cat egory-1'],
        ['with a slash', 'course-a/b'],
        ['with a non-ASCII letter', 'kurs-æ'],
        ['starting with $', '$all-1'],
        ['of 201 characters', `c-${'x'.repeat(199)}`],
      ])('a stream name %s', async (_label, stream) => {
        const head = await store.headPosition();
        await expect(store.appendToStream(stream, [event()])).rejects.toBeInstanceOf(InvalidStreamNameError);
        expect(await store.headPosition()).toBe(head);
      });

      test('stream names may use letters, digits, _ in the category and also - and : in the id', async () => {
        for (const stream of [`course_v2-${randomUUID()}`, `c-${randomUUID()}:part-2`, `C9-${'x'.repeat(197 - 36)}${randomUUID()}`]) {
          expect(await store.appendToStream(stream, [event()])).toEqual({ nextExpectedRevision: 0, duplicate: false });
        }
      });

      test('events that are not an array are refused', async () => {
        await expect(store.appendToStream(newStream(), 'nope' as unknown as EventData[])).rejects.toBeInstanceOf(InvalidArgumentError);
      });
    });

    async function streamWith(count: number): Promise<string> {
      const stream = newStream();
      await store.appendToStream(stream, Array.from({ length: count }, () => event()));
      return stream;
    }
  });
}

function newStream(): string {
  return `conformance-${randomUUID()}`;
}

async function expectWrongExpected(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): Promise<void> {
  await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
  await expect(attempt).rejects.toMatchObject({ code: 'wrong_expected_version', stream, expected, actual });
}

async function expectDuplicateId(attempt: Promise<unknown>, eventId: string): Promise<void> {
  await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
  await expect(attempt).rejects.toMatchObject({ code: 'duplicate_event_id', eventId });
}

/** Pulls `count` events, failing (instead of hanging) if they do not arrive in time. */
async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Only ${received.length} of ${count} events arrived within ${DELIVERY_TIMEOUT_MS} ms`)),
      DELIVERY_TIMEOUT_MS,
    );
  });
  try {
    while (received.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error(`The subscription ended after ${received.length} of ${count} events`);
      received.push(next.value);
    }
    return received;
  } finally {
    clearTimeout(timer);
  }
}

export { testEvent, type TestEventOverrides } from './testEvent.js';
