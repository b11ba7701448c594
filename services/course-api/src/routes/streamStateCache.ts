/** A stream's state folded up to `revision` ('no_stream': nothing stored yet). */
export interface CachedState<S> {
  readonly revision: number | 'no_stream';
  readonly state: S;
}

/** The states of one stream model: the key separates models that fold the same stream differently. */
export interface StreamModelKey {
  readonly name: string;
}

const DEFAULT_CAPACITY = 10_000;

const revisionOrder = (revision: number | 'no_stream') => (revision === 'no_stream' ? -1 : revision);

const keyOf = (model: StreamModelKey, stream: string) => `${model.name}:${stream}`;

/**
 * Folded stream states kept between commands, least recently used dropped first. Stored
 * events never change, so a state at revision N stays true of the first N + 1 events: a
 * command decides on it without reading the stream, instead of reparsing the whole
 * history. Another process may have appended meanwhile; the append's expected revision
 * catches that and the command is decided again on the events it missed. States hold no
 * free text (the command path folds sealed text as a placeholder), so an erasure leaves
 * nothing here.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedState<unknown>>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get<S>(model: StreamModelKey, stream: string): CachedState<S> | undefined {
    const key = keyOf(model, stream);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Re-inserting moves the entry to the end of the Map's order: the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry as CachedState<S>;
  }

  /** Keeps the later of the stored and the given state: concurrent commands may finish out of order. */
  set<S>(model: StreamModelKey, stream: string, entry: CachedState<S>): void {
    const key = keyOf(model, stream);
    const stored = this.entries.get(key);
    if (stored !== undefined && revisionOrder(stored.revision) > revisionOrder(entry.revision)) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
