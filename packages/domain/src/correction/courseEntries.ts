/** A clinical entry that may be marked entered-in-error; it stays in history, flagged. */
export interface EntryRecord {
  readonly type: string;
  readonly retracted: boolean;
}

interface EntryNode {
  readonly entryId: string;
  readonly type: string;
  readonly earlier: EntryNode | null;
}

/**
 * A course's clinical entries by id, for corrections. Nearly every event adds one, so
 * adding must not copy the others: a map copied per event was a third of what folding a
 * course allocated, and every state kept its copy. Held as a list, newest first, shared
 * by every later state, beside the set of retracted ids (corrections are rare): adding
 * allocates one node; finding an entry walks the list, which only a correction does.
 * Never changed in place.
 */
export class CourseEntries {
  static readonly none = new CourseEntries(null, new Set());

  private constructor(private readonly newest: EntryNode | null, private readonly retracted: ReadonlySet<string>) {}

  get(entryId: string): EntryRecord | undefined {
    for (let node = this.newest; node; node = node.earlier) {
      if (node.entryId === entryId) return { type: node.type, retracted: this.retracted.has(entryId) };
    }
    return undefined;
  }

  isRetracted(entryId: string): boolean {
    return this.retracted.has(entryId);
  }

  /** Ids of the entries not retracted, in the order they were recorded. */
  standing(): string[] {
    const ids: string[] = [];
    for (let node = this.newest; node; node = node.earlier) if (!this.retracted.has(node.entryId)) ids.push(node.entryId);
    return ids.reverse();
  }

  with(entryId: string, type: string): CourseEntries {
    return new CourseEntries({ entryId, type, earlier: this.newest }, this.retracted);
  }

  retract(entryId: string): CourseEntries {
    return new CourseEntries(this.newest, new Set(this.retracted).add(entryId));
  }
}
