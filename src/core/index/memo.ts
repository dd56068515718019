/**
 * A remembered single-argument function whose memory is bounded: past `limit` entries it starts again, so a workspace
 * of millions of words never grows it without end, e.g. `const stem = memoize(200_000, (w) => porter.stem(w))`.
 */
export function memoize<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = compute(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, v);
    }
    return v as V;
  };
}
