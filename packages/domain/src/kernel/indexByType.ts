/** Indexes things by a type name, refusing duplicates: two owners of one command or event type is a wiring bug. */
export function indexByType<T>(items: Iterable<T>, typeOf: (item: T) => string, what: string): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const type = typeOf(item);
    if (index.has(type)) throw new Error(`Duplicate ${what} type ${type}`);
    index.set(type, item);
  }
  return index;
}
