/**
 * A number -> number table in two flat arrays (open addressing), for millions of scored claim pairs without a
 * million heap numbers for the garbage collector to trace: `table.set(pairKey, 0.87); table.get(pairKey)`.
 * Keys are non-negative integers below 2^53.
 */
export class ScoreTable {
  private keys: Float64Array;
  private values: Float64Array;
  private count = 0;

  constructor(private readonly initial = 1 << 12) {
    this.keys = new Float64Array(initial).fill(-1);
    this.values = new Float64Array(initial);
  }

  get size(): number {
    return this.count;
  }

  get(key: number): number | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let s = slot(key, mask); ; s = (s + 1) & mask) {
      const k = keys[s]!;
      if (k === key) return this.values[s]!;
      if (k === -1) return undefined;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let s = slot(key, mask); ; s = (s + 1) & mask) {
      const k = keys[s]!;
      if (k === key) { this.values[s] = value; return; }
      if (k === -1) { keys[s] = key; this.values[s] = value; this.count++; return; }
    }
  }

  clear(): void {
    this.keys = new Float64Array(this.initial).fill(-1);
    this.values = new Float64Array(this.initial);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys, oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.values = new Float64Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === -1) continue;
      let s = slot(k, mask);
      while (this.keys[s] !== -1) s = (s + 1) & mask;
      this.keys[s] = k;
      this.values[s] = oldValues[i]!;
    }
  }
}

function slot(key: number, mask: number): number {
  const lo = key >>> 0, hi = Math.floor(key / 4294967296) >>> 0;
  return ((Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi ^ (lo >>> 15), 0x85ebca6b)) >>> 0) & mask;
}
