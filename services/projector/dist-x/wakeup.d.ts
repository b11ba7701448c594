/**
 * A level-triggered wake-up for one waiting loop: notifications that arrive while the
 * loop is busy are not lost, they make the next wait return at once.
 */
export declare class Wakeup {
    private pending;
    private waiter;
    notify(): void;
    /** Resolves on the next notification (or a pending one), or when the signal aborts. */
    wait(signal: AbortSignal): Promise<void>;
}
//# sourceMappingURL=wakeup.d.ts.map