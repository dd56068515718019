/**
 * A read-only string map answered by `get` from a compact form kept elsewhere (ids by document), for maps a
 * workspace would otherwise fill with hundreds of thousands of key strings. Iterating builds the whole map once.
 */
export abstract class LazyMapView implements ReadonlyMap<string, string> {
  // A private field: two equal views compare equal (`assert.deepEqual`) whether or not either was iterated.
  #map: Map<string, string> | null = null;

  abstract get(key: string): string | undefined;

  /** The whole map, in the order iteration must follow. */
  protected abstract build(): Map<string, string>;

  /** The map if iteration has built it already. */
  protected get built(): Map<string, string> | null {
    return this.#map;
  }

  protected all(): Map<string, string> {
    this.#map ??= this.build();
    return this.#map;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number { return this.all().size; }
  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) fn.call(thisArg, v, k, this);
  }
  entries(): MapIterator<[string, string]> { return this.all().entries(); }
  keys(): MapIterator<string> { return this.all().keys(); }
  values(): MapIterator<string> { return this.all().values(); }
  [Symbol.iterator](): MapIterator<[string, string]> { return this.all()[Symbol.iterator](); }
}
