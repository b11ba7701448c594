/**
 * A level-triggered wake-up for one waiting loop: notifications that arrive while the
 * loop is busy are not lost, they make the next wait return at once.
 */
export class Wakeup {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    this.waiter?.();
  }

  /** Resolves on the next notification (or a pending one), or when the signal aborts. */
  wait(signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.waiter = undefined;
        this.pending = false;
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiter = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
