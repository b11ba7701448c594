/**
 * An id source that starts over on every attempt of a command: the n-th id of an attempt
 * is the n-th id of the first one. A command decided again after a conflict thus stores
 * the ids its first decision minted, the ids a re-run of the request (same
 * Idempotency-Key, maybe in another process with no conflict) mints too; so the store
 * recognises the re-run, whichever attempt's events were stored.
 */
export function replayableIds(newId: () => string): () => () => string {
  const minted: string[] = [];
  return () => {
    let next = 0;
    return () => {
      const id = minted[next] ?? newId();
      minted[next] = id;
      next += 1;
      return id;
    };
  };
}
