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

/**
 * The model's weights under a 64-bit hash of each feature's text (two 32-bit lanes, open addressing), so a candidate
 * is scored without building its feature strings: the sink hashes "wps=said|Cap" from its parts as they come.
 */
class HashedWeights implements CueFeatureSink {
  private readonly lanes: Int32Array;
  private readonly used: Uint8Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private a = 0;
  private b = 0;
  /** The sum of the weights of the features added since the last `reset`. */
  sum = 0;

  constructor(weights: ReadonlyMap<string, number>) {
    let cap = 16;
    while (cap < weights.size * 2) cap <<= 1;
    this.lanes = new Int32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
    for (const [key, value] of weights) {
      this.start();
      this.chars(key);
      let slot = this.a & this.mask;
      while (this.used[slot] && !(this.lanes[slot * 2] === this.a && this.lanes[slot * 2 + 1] === this.b)) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.lanes[slot * 2] = this.a;
      this.lanes[slot * 2 + 1] = this.b;
      this.values[slot] = value;
    }
  }

  add(name: string, x?: string, y?: string, z?: string): void {
    this.start();
    this.chars(name);
    if (x !== undefined) { this.char(61 /* = */); this.chars(x); }
    if (y !== undefined) { this.char(124 /* | */); this.chars(y); }
    if (z !== undefined) { this.char(124); this.chars(z); }
    let slot = this.a & this.mask;
    while (this.used[slot]) {
      if (this.lanes[slot * 2] === this.a && this.lanes[slot * 2 + 1] === this.b) { this.sum += this.values[slot]!; return; }
      slot = (slot + 1) & this.mask;
    }
  }

  private start(): void {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x2545f491;
  }

  private chars(s: string): void {
    for (let k = 0; k < s.length; k++) this.char(s.charCodeAt(k));
  }

  private char(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 13);
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
  h.sum = 0;
  writeCueFeatures(h, tokens, view, i, first, end, sq);
  return h.sum;
}

let shipped: CueModel | undefined;
/** The cue model shipped with Crosscheck (trained on PolNeAR train), parsed on first use. */
export function shippedCueModel(): CueModel {
  shipped ??= parseCueModel(CUE_MODEL_DATA);
  return shipped;
}
