import { ABORTED, untilAborted } from './untilAborted.js';

describe('untilAborted', () => {
  it("answers the promise's value, then leaves nothing attached to the signal", async () => {
    const controller = new AbortController();
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error('failed')), controller.signal)).rejects.toThrow('failed');
    expect(removed).toHaveBeenCalledTimes(2);
  });

  it('answers ABORTED once the signal aborts, or at once if it already has', async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise<never>(() => undefined), controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(ABORTED);
    await expect(untilAborted(Promise.resolve(1), controller.signal)).resolves.toBe(ABORTED);
  });
});
