"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Wakeup = void 0;
/**
 * A level-triggered wake-up for one waiting loop: notifications that arrive while the
 * loop is busy are not lost, they make the next wait return at once.
 */
class Wakeup {
    pending = false;
    waiter;
    notify() {
        this.pending = true;
        this.waiter?.();
    }
    /** Resolves on the next notification (or a pending one), or when the signal aborts. */
    wait(signal) {
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
exports.Wakeup = Wakeup;
//# sourceMappingURL=wakeup.js.map