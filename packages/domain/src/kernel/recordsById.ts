/**
 * A course's few records of one kind (tapering plans, medications, bed stay requests) by
 * id, never changed in place. Held as ids beside records rather than as an object keyed
 * by id: every id as a property name gave each course's object a hidden class of its own,
 * made anew on every change, and V8 copies such an object on its slow path; a change here
 * copies two short arrays (ten times faster in a microbenchmark), and a handful of ids
 * are found by scanning sooner than by hashing.
 */
export class RecordsById<T> {
  private static readonly emptyInstance = new RecordsById<never>([], []);

  static empty<T>(): RecordsById<T> {
    return RecordsById.emptyInstance;
  }

  private constructor(private readonly ids: readonly string[], private readonly records: readonly T[]) {}

  get(id: string): T | undefined {
    const index = this.ids.indexOf(id);
    return index < 0 ? undefined : this.records[index];
  }

  /** The records in the order their ids were first added. */
  values(): readonly T[] {
    return this.records;
  }

  /** With `record` under `id`: in place of the one there, or added last. */
  with(id: string, record: T): RecordsById<T> {
    const index = this.ids.indexOf(id);
    return index < 0 ? new RecordsById([...this.ids, id], [...this.records, record]) : this.replaced(index, record);
  }

  /** With the record under `id` changed by `change`; this very instance when there is none. */
  update(id: string, change: (record: T) => T): RecordsById<T> {
    const index = this.ids.indexOf(id);
    return index < 0 ? this : this.replaced(index, change(this.records[index] as T));
  }

  private replaced(index: number, record: T): RecordsById<T> {
    const records = [...this.records];
    records[index] = record;
    return new RecordsById(this.ids, records);
  }
}
