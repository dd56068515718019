import type { Token } from '../types';
import { writeCueFeatures, type CueFeatureSink } from './cueFeatures';
import { CUE_MODEL_DATA } from './cueModelData';
import type { TokenView } from './view';

/** A learned linear cue classifier: which words may be cues ("said", "slammed"), and a weight per feature. */
export interface CueModel {
  readonly candidates: ReadonlySet<string>;
  readonly weights: ReadonlyMap<string, number>;
  /** Scores above this make a cue. */
  readonly threshold: number;
}

/**
 * Reads a model from its text form: a `threshold` line, a `candidates` line of words, then `feature<TAB>weight`
 * lines, e.g. "threshold\t0\ncandidates\tsaid told\nw=said\t3.2".
 */
export function parseCueModel(data: string): CueModel {
  const weights = new Map<string, number>();
  let candidates = new Set<string>();
  let threshold = 0;
  for (const line of data.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab), value = line.slice(tab + 1);
    if (key === 'threshold') threshold = Number(value);
    else if (key === 'candidates') candidates = new Set(value.split(' ').filter(Boolean));
    else weights.set(key, Number(value));
  }
  return { candidates, weights, threshold };
}

/** Writes a model in the text form `parseCueModel` reads, e.g. "threshold\t-2\ncandidates\tsaid told\nw=said\t3.2". */
export function serializeCueModel(model: CueModel): string {
  const lines = [`threshold\t${model.threshold}`, `candidates\t${[...model.candidates].sort().join(' ')}`];
  for (const [k, v] of [...model.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${k}\t${v}`);
  return lines.join('\n');
}

/** The score of one candidate from its features, e.g. `scoreCue(model, ["w=said", "p=source"])` > 0 for a cue. */
export function scoreCue(model: CueModel, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += model.weights.get(f) ?? 0;
  return s;
}

/** The two lanes' bases of the polynomial hash, and their powers `POW_A[n]` = BASE_A^n (mod 2^32) for short strings. */
const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;
const POWERS = 64;
const POW_A = new Int32Array(POWERS);
const POW_B = new Int32Array(POWERS);
POW_A[0] = POW_B[0] = 1;
for (let n = 1; n < POWERS; n++) { POW_A[n] = Math.imul(POW_A[n - 1]!, BASE_A); POW_B[n] = Math.imul(POW_B[n - 1]!, BASE_B); }
const powA = (n: number): number => { if (n < POWERS) return POW_A[n]!; let p = 1; for (let k = 0; k < n; k++) p = Math.imul(p, BASE_A); return p; };
const powB = (n: number): number => { if (n < POWERS) return POW_B[n]!; let p = 1; for (let k = 0; k < n; k++) p = Math.imul(p, BASE_B); return p; };

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The model's weights under a 64-bit hash of each feature's text (two lanes of a polynomial hash, open addressing), so
 * a candidate is scored without building its feature strings: the hash of "wps=said|Cap" is composed from the hashes of
 * "wps", "said" and "Cap" (h(xy) = h(x) * BASE^|y| + h(y)), and each part is hashed once per candidate (`part`).
 */
class HashedWeights implements CueFeatureSink<number> {
  /** 16-byte slots: the two lanes at int32 4s and 4s + 1, the weight at float64 2s + 1; lanes (0, 0) mark an empty slot. */
  private readonly lanes: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  /** The parts of the current candidate: lane hashes and the powers of their lengths. */
  private partA: Int32Array = new Int32Array(64);
  private partB: Int32Array = new Int32Array(64);
  private partPowA: Int32Array = new Int32Array(64);
  private partPowB: Int32Array = new Int32Array(64);
  private parts = 0;
  /** The sum of the weights of the features added since the last `reset`. */
  sum = 0;

  constructor(weights: ReadonlyMap<string, number>) {
    let cap = 16;
    while (cap < weights.size * 2) cap <<= 1;
    const buffer = new ArrayBuffer(cap * 16);
    this.lanes = new Int32Array(buffer);
    this.values = new Float64Array(buffer);
    this.mask = cap - 1;
    for (const [key, value] of weights) {
      let a = 0, b = 0;
      for (let k = 0; k < key.length; k++) {
        a = (Math.imul(a, BASE_A) + key.charCodeAt(k)) | 0;
        b = (Math.imul(b, BASE_B) + key.charCodeAt(k)) | 0;
      }
      a = fmix(a);
      b = fmix(b);
      if (a === 0 && b === 0) b = 1;
      let slot = a & this.mask;
      while ((this.lanes[slot * 4] !== 0 || this.lanes[slot * 4 + 1] !== 0) && !(this.lanes[slot * 4] === a && this.lanes[slot * 4 + 1] === b)) slot = (slot + 1) & this.mask;
      this.lanes[slot * 4] = a;
      this.lanes[slot * 4 + 1] = b;
      this.values[slot * 2 + 1] = value;
    }
  }

  /** Starts a candidate: no parts, a zero sum. */
  reset(): void {
    this.parts = 0;
    this.sum = 0;
  }

  part(s: string): number {
    let a = 0, b = 0;
    for (let k = 0; k < s.length; k++) {
      a = (Math.imul(a, BASE_A) + s.charCodeAt(k)) | 0;
      b = (Math.imul(b, BASE_B) + s.charCodeAt(k)) | 0;
    }
    const n = this.parts++;
    if (n === this.partA.length) this.grow();
    this.partA[n] = a;
    this.partB[n] = b;
    this.partPowA[n] = powA(s.length);
    this.partPowB[n] = powB(s.length);
    return n;
  }

  add(name: string, x?: number, y?: number, z?: number): void {
    let a = 0, b = 0;
    for (let k = 0; k < name.length; k++) {
      a = (Math.imul(a, BASE_A) + name.charCodeAt(k)) | 0;
      b = (Math.imul(b, BASE_B) + name.charCodeAt(k)) | 0;
    }
    if (x !== undefined) {
      // "=" then the part: h * BASE + 61, then h * BASE^|x| + h(x).
      a = (Math.imul((Math.imul(a, BASE_A) + 61) | 0, this.partPowA[x]!) + this.partA[x]!) | 0;
      b = (Math.imul((Math.imul(b, BASE_B) + 61) | 0, this.partPowB[x]!) + this.partB[x]!) | 0;
    }
    if (y !== undefined) {
      a = (Math.imul((Math.imul(a, BASE_A) + 124) | 0, this.partPowA[y]!) + this.partA[y]!) | 0;
      b = (Math.imul((Math.imul(b, BASE_B) + 124) | 0, this.partPowB[y]!) + this.partB[y]!) | 0;
    }
    if (z !== undefined) {
      a = (Math.imul((Math.imul(a, BASE_A) + 124) | 0, this.partPowA[z]!) + this.partA[z]!) | 0;
      b = (Math.imul((Math.imul(b, BASE_B) + 124) | 0, this.partPowB[z]!) + this.partB[z]!) | 0;
    }
    a = fmix(a);
    b = fmix(b);
    if (a === 0 && b === 0) b = 1;
    const lanes = this.lanes;
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const x1 = lanes[slot * 4]!, x2 = lanes[slot * 4 + 1]!;
      if (x1 === a && x2 === b) { this.sum += this.values[slot * 2 + 1]!; return; }
      if (x1 === 0 && x2 === 0) return;
    }
  }

  private grow(): void {
    const more = (a: Int32Array): Int32Array => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
    this.partA = more(this.partA);
    this.partB = more(this.partB);
    this.partPowA = more(this.partPowA);
    this.partPowB = more(this.partPowB);
  }
}

const hashed = new WeakMap<CueModel, HashedWeights>();

/**
 * The score of the candidate at token `i` of the sentence `[first, end)`: the same sum as
 * `scoreCue(model, cueFeatures(...))`, added in the same order, without building the feature strings.
 */
export function scoreCueAt(model: CueModel, tokens: readonly Token[], view: TokenView, i: number, first: number, end: number, sq: string): number {
  let h = hashed.get(model);
  if (!h) { h = new HashedWeights(model.weights); hashed.set(model, h); }
  h.reset();
  writeCueFeatures(h, tokens, view, i, first, end, sq);
  return h.sum;
}

let shipped: CueModel | undefined;
/** The cue model shipped with Crosscheck (trained on PolNeAR train), parsed on first use. */
export function shippedCueModel(): CueModel {
  shipped ??= parseCueModel(CUE_MODEL_DATA);
  return shipped;
}
