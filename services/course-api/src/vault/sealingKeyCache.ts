import type { Clock } from '../clock.js';

const DEFAULT_TTL_MS = 30_000;
const DEFAULT_CAPACITY = 10_000;

interface Entry {
  readonly key: Buffer;
  readonly loadedAt: number;
}

/**
 * Unwrapped patient data keys kept briefly for sealing only, so recording free text does
 * not read the key table each time (least recently used out, each entry for `ttlMs`).
 * Opening text never uses it: reads look the key up every time, so an erasure makes
 * texts unreadable everywhere at once. An erasure in this process forgets the key before
 * and after it commits, and a key loaded while an erasure ran is not kept, so this
 * process never seals with a deleted key. Another process's erasure is not seen here:
 * for up to `ttlMs` after it, this process may still seal new text with the deleted key;
 * such text was never readable by anyone and reads as erased, like the patient's other text.
 */
export class SealingKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts erasures begun and ended: a load that saw it change may have read a key being deleted. */
  private erasures = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The kept key, or the one `load` reads (null: erased, never kept). */
  async get(patientId: string, load: () => Promise<Buffer | null>): Promise<Buffer | null> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(patientId);
    if (entry !== undefined) {
      this.entries.delete(patientId);
      const age = now - entry.loadedAt;
      if (age >= 0 && age < this.ttlMs) {
        // Re-inserted last: the most recently used.
        this.entries.set(patientId, entry);
        return entry.key;
      }
    }
    const erasures = this.erasures;
    const key = await load();
    if (key !== null && erasures === this.erasures) {
      this.entries.set(patientId, { key, loadedAt: now });
      if (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    return key;
  }

  /** Call as an erasure of the patient begins and again once it has committed or failed. */
  forget(patientId: string): void {
    this.erasures += 1;
    this.entries.delete(patientId);
  }

  get size(): number {
    return this.entries.size;
  }
}
