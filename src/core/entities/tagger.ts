import type { Sentence, Token } from '../types';
import { documentStats, FeatureBuffer, recordHistory, sentenceFeatures, type DocumentStats } from './features';
import { fromBase64 } from './base64';

/** A BIO label per token, e.g. ["B-PER", "I-PER", "O"]. */
export type BioLabel = string;

/** A trained sequence tagger: labels the tokens of one sentence. */
export interface EntityTagger {
  tagSentence(tokens: readonly Token[], sentence: Sentence, text: string): BioLabel[];
}

/** The tag set of the model, CoNLL-2003 classes in BIO encoding. */
export const TAGS: readonly BioLabel[] = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const T = TAGS.length;

/** `ALLOWED[prev * T + cur]`, with prev = T for the sentence start: "I-PER" only after "B-PER" or "I-PER". */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    for (let c = 0; c < T; c++) {
      const cur = TAGS[c]!;
      if (!cur.startsWith('I-')) { a[p * T + c] = 1; continue; }
      const prev = p < T ? TAGS[p]! : 'O';
      a[p * T + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
    }
  }
  return a;
})();

/**
 * Best tag sequence under emission scores `emit[i * T + t]` and transition scores `trans[(prev) * T + cur]`
 * (prev = T is the sentence start), respecting BIO constraints: e.g. "Oded Basiuk" -> [1, 2] (B-PER I-PER).
 */
export function viterbi(emit: ArrayLike<number>, n: number, trans: ArrayLike<number>, out: Int32Array): void {
  if (n === 0) return;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let c = 0; c < T; c++) score[c] = ALLOWED[T * T + c] ? emit[c]! + trans[T * T + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + c]) continue;
        const s = score[(i - 1) * T + p]! + trans[p * T + c]!;
        if (s > best) { best = s; arg = p; }
      }
      score[i * T + c] = best + emit[i * T + c]!;
      back[i * T + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < T; c++) {
    const s = score[(n - 1) * T + c]!;
    if (s > best) { best = s; arg = c; }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
}

/** Marks tokens that start a sentence for document statistics: after ". ! ?" or a line break. */
export function sentenceStartsOf(tokens: readonly Token[], text: string): Set<number> {
  const starts = new Set<number>([0]);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const t = prev.text;
    if (t === '.' || t === '!' || t === '?' || t === '"' || t === '“' || t === ':' || t === '-' || t === '—') starts.add(i);
    else {
      for (let k = prev.end; k < tokens[i]!.start; k++) {
        if (text.charCodeAt(k) === 10) { starts.add(i); break; }
      }
    }
  }
  return starts;
}

/** The shipped model file: hashed feature keys and quantised weights, base64-encoded. */
export interface ModelFile {
  readonly format: 'crosscheck-ner/1';
  readonly trainedOn: string;
  readonly tags: readonly string[];
  readonly rows: number;
  /** Weight = stored integer * scale. */
  readonly scale: number;
  /** Int32 little-endian h1 per row. */
  readonly keys1: string;
  /** Uint16 little-endian low half of h2 per row. */
  readonly keys2: string;
  /** Int8 weights, rows * tags. */
  readonly weights: string;
  /** (tags + 1) * tags transition scores. */
  readonly trans: readonly number[];
}

/** The loaded weights with an open-addressing table from hashed feature to row. */
export class PerceptronWeights {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    readonly keys1: Int32Array,
    readonly keys2: Uint16Array,
    readonly weights: Float32Array,
    readonly trans: Float64Array,
  ) {
    let cap = 1;
    while (cap < keys1.length * 2) cap <<= 1;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    for (let r = 0; r < keys1.length; r++) {
      let slot = keys1[r]! & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = r + 1;
    }
  }

  /** Row of the feature with hashes (h1, h2), or -1 when the model does not know it. */
  row(h1: number, h2: number): number {
    const k2 = h2 & 0xffff;
    let slot = h1 & this.mask;
    for (;;) {
      const r = this.table[slot]!;
      if (r === 0) return -1;
      if (this.keys1[r - 1] === h1 && this.keys2[r - 1] === k2) return r - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Reads the model file's text: `parseModel(readFileSync("models/ner.json", "utf8"))`. */
export function parseModel(modelText: string): PerceptronWeights {
  const m = JSON.parse(modelText) as ModelFile;
  if (m.format !== 'crosscheck-ner/1') throw new Error(`unknown model format ${String(m.format)}`);
  if (m.tags.join() !== TAGS.join()) throw new Error('the model was trained for other tags');
  const k1 = fromBase64(m.keys1);
  const k2 = fromBase64(m.keys2);
  const w = fromBase64(m.weights);
  const keys1 = new Int32Array(k1.buffer, k1.byteOffset, m.rows);
  const keys2 = new Uint16Array(k2.buffer, k2.byteOffset, m.rows);
  const raw = new Int8Array(w.buffer, w.byteOffset, m.rows * T);
  const weights = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) weights[i] = raw[i]! * m.scale;
  return new PerceptronWeights(keys1, keys2, weights, Float64Array.from(m.trans));
}

/** Emission scores of one sentence's tokens under the weights, `emit[i * T + t]`. */
export function emissions(
  model: PerceptronWeights, tokens: readonly Token[], from: number, to: number, doc: DocumentStats | null, buffer?: FeatureBuffer,
): Float64Array {
  const emit = new Float64Array((to - from) * T);
  const w = model.weights;
  sentenceFeatures(tokens, from, to, doc, (i, f) => {
    const base = i * T;
    for (let k = 0; k < f.count; k++) {
      const r = model.row(f.h1[k]!, f.h2[k]!);
      if (r < 0) continue;
      const o = r * T;
      for (let t = 0; t < T; t++) emit[base + t] = emit[base + t]! + w[o + t]!;
    }
  }, buffer);
  return emit;
}

/**
 * Builds the tagger from the shipped model file's text (models/ner.json), e.g.
 * `loadTagger(readFileSync("models/ner.json", "utf8")).tagSentence(tokens, sentence, text)` -> ["B-PER", "I-PER", "O"].
 */
export function loadTagger(modelText: string): EntityTagger {
  const model = parseModel(modelText);
  const buffer = new FeatureBuffer();
  let lastTokens: readonly Token[] | null = null;
  let lastStats: DocumentStats | null = null;
  let lastFirst = -1;
  return {
    tagSentence(tokens, sentence, text) {
      // A new document, or the same one tagged again from the top, starts with an empty history.
      if (tokens !== lastTokens || sentence.firstToken <= lastFirst) {
        lastTokens = tokens;
        lastStats = { ...documentStats(tokens, sentenceStartsOf(tokens, text)), history: new Map() };
      }
      lastFirst = sentence.firstToken;
      const n = sentence.endToken - sentence.firstToken;
      const emit = emissions(model, tokens, sentence.firstToken, sentence.endToken, lastStats, buffer);
      const path = new Int32Array(n);
      viterbi(emit, n, model.trans, path);
      if (lastStats?.history) recordHistory(lastStats.history, tokens, sentence.firstToken, path);
      return Array.from(path, (t) => TAGS[t]!);
    },
  };
}

/** A tagger that labels nothing, for when the model file cannot be read. */
export const EMPTY_TAGGER: EntityTagger = { tagSentence: (_tokens, sentence) => new Array<BioLabel>(sentence.endToken - sentence.firstToken).fill('O') };

/** Token ranges of the entities a BIO sequence marks: ["B-PER", "I-PER", "O"] -> [{from: 0, to: 2, type: "PER"}]. */
export function labelsToRanges(labels: readonly BioLabel[]): { from: number; to: number; type: string }[] {
  const out: { from: number; to: number; type: string }[] = [];
  let open: { from: number; to: number; type: string } | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l.startsWith('I-') && open && open.type === l.slice(2)) { open.to = i + 1; continue; }
    if (open) { out.push(open); open = null; }
    if (l !== 'O') open = { from: i, to: i + 1, type: l.slice(2) };
  }
  if (open) out.push(open);
  return out;
}
