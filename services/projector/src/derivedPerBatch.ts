/**
 * What is derived from a batch array, by key, kept for as long as the array lives.
 * Followers catching up get the very same page array (see eventBatches), so each of them
 * after the first gets what the first derived: derived once per process, not per follower.
 */
export class DerivedPerBatch<B extends object, K, V> {
  private readonly derived = new WeakMap<B, Map<K, V>>();

  of(batch: B, key: K, derive: () => V): V {
    let byKey = this.derived.get(batch);
    if (!byKey) {
      byKey = new Map();
      this.derived.set(batch, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = derive();
      byKey.set(key, value);
    }
    return value;
  }
}
