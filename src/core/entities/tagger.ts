import type { Sentence, Token } from '../types';
import { documentStats, featureContextKey, FeatureBuffer, lookupWord, NEIGHBOUR_ROLES, neighbourFeatures, POSITIONS, positionFeatures, recordHistory, sentenceFeatures, sentenceWords, wordFeatures, type DocumentStats, type ShapeGroups, type WordInfo } from './features';
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

let scoreBuffer = new Float64Array(64 * T);
let backBuffer = new Int32Array(64 * T);

/**
 * Best tag sequence under emission scores `emit[i * T + t]` and transition scores `trans[(prev) * T + cur]`
 * (prev = T is the sentence start), respecting BIO constraints: e.g. "Rami Haddad" -> [1, 2] (B-PER I-PER).
 */
export function viterbi(emit: ArrayLike<number>, n: number, trans: ArrayLike<number>, out: Int32Array): void {
  if (n === 0) return;
  if (scoreBuffer.length < n * T) {
    scoreBuffer = new Float64Array(n * T * 2);
    backBuffer = new Int32Array(n * T * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  for (let c = 0; c < T; c++) score[c] = ALLOWED[T * T + c] ? emit[c]! + trans[T * T + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      // O and B-X follow any tag; I-X (even c) only B-X (c - 1) and I-X: the same scan as over ALLOWED, in order.
      const inside = c > 0 && (c & 1) === 0;
      for (let p = inside ? c - 1 : 0; p < (inside ? c + 1 : T); p++) {
        const s = score[prev + p]! + trans[p * T + c]!;
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

/** Marks tokens that start a sentence for document statistics: "Talks ended. Rami left." -> {0, 3}. */
export function sentenceStartsOf(tokens: readonly Token[], text: string): Set<number> {
  const starts = new Set<number>([0]);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const t = prev.text;
    if (t === '.' || t === '!' || t === '?' || t === '"' || t === "''" || t === '“' || t === ':' || t === '-' || t === '—') starts.add(i);
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
  /** Common lower-case words of the training text, space-separated (a tagger feature). */
  readonly common?: string;
}

/**
 * The loaded weights in one open-addressing table of 16-byte slots: the feature's key (32 + 16 bits) and its nine
 * int8 weights side by side, so a lookup touches one cache line and the whole table stays small (about 2 MB).
 */
export class PerceptronWeights implements ShapeGroups {
  private readonly keys: Int32Array;
  private readonly checks: Uint16Array;
  /** The int8 weights, read at `slot() + tag`; multiply sums by `scale`. */
  readonly weights: Int8Array;
  private readonly mask: number;

  constructor(
    keys1: Int32Array, keys2: Uint16Array, rowWeights: Int8Array, readonly scale: number, readonly trans: Float64Array,
    readonly common: ReadonlySet<string> = new Set(),
  ) {
    let cap = 1;
    while (cap < keys1.length * 1.6) cap <<= 1;
    const buffer = new ArrayBuffer(cap * 16);
    this.keys = new Int32Array(buffer);
    this.checks = new Uint16Array(buffer);
    this.weights = new Int8Array(buffer);
    this.mask = cap - 1;
    for (let r = 0; r < keys1.length; r++) {
      let slot = keys1[r]! & this.mask;
      while (this.keys[slot * 4] !== 0 || this.checks[slot * 8 + 2] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot * 4] = keys1[r]!;
      // A key of (0, 0) would read as an empty slot; its check becomes 1 (a 2^-48 event).
      this.checks[slot * 8 + 2] = keys1[r] === 0 && keys2[r] === 0 ? 1 : keys2[r]!;
      for (let t = 0; t < T; t++) this.weights[slot * 16 + 6 + t] = rowWeights[r * T + t]!;
    }
  }

  private readonly sums = [new Map<string, Int32Array>(), new Map<string, Int32Array>()];
  private readonly scratch = new FeatureBuffer();

  /** The sentence edge's sums as a neighbour, laid out as `wordSums` lays them out (row 0 unused). */
  private edge: Int32Array | null = null;

  /**
   * The summed int8 weights, per tag, of what a word contributes wherever it stands: row 0 its own features
   * (`wordFeatures`), rows 1-4 what it gives the token after it, before it, two after and two before it
   * (`neighbourFeatures`, roles 1-4), rows 5-7 its position feature first, second and later in a sentence
   * (`positionFeatures`); `raw` null is the sentence edge (rows 1-4 only). Remembered, boundedly.
   */
  wordSums(raw: string | null, headline: boolean): Int32Array {
    if (raw === null) return (this.edge ??= this.sumsOf(null, false));
    const memo = this.sums[headline ? 1 : 0]!;
    let sums = memo.get(raw);
    if (sums) return sums;
    sums = this.sumsOf(raw, headline);
    if (memo.size >= 50_000) memo.clear();
    memo.set(raw, sums);
    return sums;
  }

  private sumsOf(raw: string | null, headline: boolean): Int32Array {
    const sums = new Int32Array(WORD_ROWS * T);
    const f = this.scratch;
    const word = raw === null ? null : lookupWord(raw);
    for (let role = word === null ? 1 : 0; role < (word === null ? NEIGHBOUR_ROLES + 1 : WORD_ROWS); role++) {
      if (role === 0) wordFeatures(word!, headline, f);
      else if (role <= NEIGHBOUR_ROLES) neighbourFeatures(word, role, f);
      else positionFeatures(word!, role - NEIGHBOUR_ROLES - 1, f);
      const w = this.weights;
      for (let k = 0; k < f.count; k++) {
        const o = this.slot(f.h1[k]!, f.h2[k]!);
        if (o < 0) continue;
        for (let t = 0; t < T; t++) sums[role * T + t] = sums[role * T + t]! + w[o + t]!;
      }
    }
    return sums;
  }

  /**
   * Summed weights per shape group (see `ShapeGroups`) in an open-addressing table: key lanes at 2 * slot, the sums at
   * slot * T. Emptied when three quarters full, so memory stays bounded (about 1.5 MB).
   */
  private readonly groupKeys = new Int32Array(2 * GROUP_SLOTS);
  private readonly groupUsed = new Uint8Array(GROUP_SLOTS);
  /** The sums of the group in slot s at `s * T`. */
  readonly groupSums = new Int32Array(GROUP_SLOTS * T);
  private groupCount = 0;

  summed(a: number, b: number): number {
    const keys = this.groupKeys;
    for (let s = a & (GROUP_SLOTS - 1); ; s = (s + 1) & (GROUP_SLOTS - 1)) {
      if (!this.groupUsed[s]) return -1;
      if (keys[2 * s] === a && keys[2 * s + 1] === b) return s * T;
    }
  }

  /** Sums and remembers the weights of the shape group the buffer holds (`f.groupStart` to `f.groupEnd`); returns where. */
  sumGroup(f: FeatureBuffer): number {
    if (this.groupCount >= (GROUP_SLOTS * 3) >> 2) { this.groupUsed.fill(0); this.groupCount = 0; }
    let s = f.groupA & (GROUP_SLOTS - 1);
    while (this.groupUsed[s]) s = (s + 1) & (GROUP_SLOTS - 1);
    this.groupUsed[s] = 1;
    this.groupKeys[2 * s] = f.groupA;
    this.groupKeys[2 * s + 1] = f.groupB;
    this.groupCount++;
    const sums = this.groupSums;
    const at = s * T;
    for (let t = 0; t < T; t++) sums[at + t] = 0;
    const w = this.weights;
    for (let k = f.groupStart; k < f.groupEnd; k++) {
      const o = this.slot(f.h1[k]!, f.h2[k]!);
      if (o < 0) continue;
      for (let t = 0; t < T; t++) sums[at + t] = sums[at + t]! + w[o + t]!;
    }
    return at;
  }

  /** Offset of the weights of the feature with hashes (h1, h2), or -1 when the model does not know it. */
  slot(h1: number, h2: number): number {
    let k2 = h2 & 0xffff;
    if (h1 === 0 && k2 === 0) k2 = 1;
    const keys = this.keys;
    const checks = this.checks;
    let slot = h1 & this.mask;
    for (;;) {
      const k = keys[slot * 4]!;
      const c = checks[slot * 8 + 2]!;
      if (k === h1 && c === k2) return slot * 16 + 6;
      if (k === 0 && c === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Rows of a word's sums: its own features, four neighbour roles, three positions. */
const WORD_ROWS = NEIGHBOUR_ROLES + 1 + POSITIONS;

/** Slots of the shape-group table (a power of two). */
const GROUP_SLOTS = 1 << 15;

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
  return new PerceptronWeights(keys1, keys2, raw, m.scale, Float64Array.from(m.trans), new Set(m.common ? m.common.split(' ') : []));
}

/**
 * Emission scores of one sentence's tokens under the weights, `emit[i * T + t]`: "Rami Haddad said" -> 3 rows of 9
 * scores. They are written into `into` when it is long enough (a tagger reuses one array), else into a new one.
 */
export function emissions(
  model: PerceptronWeights, tokens: readonly Token[], from: number, to: number, doc: DocumentStats | null, buffer?: FeatureBuffer,
  words: readonly WordInfo[] = sentenceWords(tokens, from, to), into?: Float64Array,
): Float64Array {
  const emit = into && into.length >= (to - from) * T ? into : new Float64Array((to - from) * T);
  const w = model.weights;
  // The weights of each word's own features and of what it gives its neighbours, summed once per word (integer sums:
  // the order of adding cannot matter), looked up once per token: rows[i + 2], with the sentence edge on both sides.
  const n = to - from;
  const edge = model.wordSums(null, false);
  const rows: Int32Array[] = new Array(n + 4);
  rows[0] = rows[1] = rows[n + 2] = rows[n + 3] = edge;
  for (let i = 0; i < n; i++) {
    const info = words[i]!;
    if (info.sumsOf !== model) { info.sums = model.wordSums(tokens[from + i]!.text, false); info.sumsOf = model; }
    rows[i + 2] = info.sums!;
  }
  const acc = new Int32Array(T);
  sentenceFeatures(tokens, from, to, doc, (i, f, headline) => {
    // Own row 0 (a headline word has its own), the word before as role 1, after as 2, two before as 3, two after as 4,
    // and the token's shape group, summed the first time it is met.
    const own = headline ? model.wordSums(tokens[from + i]!.text, true) : rows[i + 2]!;
    const p1 = rows[i + 1]!, n1 = rows[i + 3]!, p2 = rows[i]!, n2 = rows[i + 4]!;
    const g = f.groupAt >= 0 ? f.groupAt : model.sumGroup(f);
    const group = model.groupSums;
    const at = (NEIGHBOUR_ROLES + 1 + (i === 0 ? 0 : i === 1 ? 1 : 2)) * T;
    for (let t = 0; t < T; t++) acc[t] = own[t]! + p1[T + t]! + n1[2 * T + t]! + p2[3 * T + t]! + n2[4 * T + t]! + own[at + t]! + group[g + t]!;
    for (let k = 0; k < f.count; k++) {
      if (k === f.groupStart) k = f.groupEnd;
      if (k >= f.count) break;
      const o = model.slot(f.h1[k]!, f.h2[k]!);
      if (o < 0) continue;
      for (let t = 0; t < T; t++) acc[t] = acc[t]! + w[o + t]!;
    }
    const q = model.scale;
    for (let t = 0; t < T; t++) emit[i * T + t] = acc[t]! * q;
  }, buffer, true, model, words);
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
  const memo = new Map<number, Int32Array>();
  let emit: Float64Array = new Float64Array(64 * T);
  return {
    tagSentence(tokens, sentence, text) {
      // A new document, or the same one tagged again from the top, starts with an empty history.
      if (tokens !== lastTokens || sentence.firstToken <= lastFirst) {
        lastTokens = tokens;
        lastStats = { ...documentStats(tokens, sentenceStartsOf(tokens, text)), history: new Map(), common: model.common };
      }
      lastFirst = sentence.firstToken;
      const n = sentence.endToken - sentence.firstToken;
      // The labels are a pure function of what the features read: a sentence seen before under the same document facts
      // (an unchanged sentence while its article is edited, a wire copy) is not tagged again.
      const words = sentenceWords(tokens, sentence.firstToken, sentence.endToken);
      const key = featureContextKey(tokens, sentence.firstToken, sentence.endToken, lastStats, words);
      let path = memo.get(key);
      if (!path) {
        emit = emissions(model, tokens, sentence.firstToken, sentence.endToken, lastStats, buffer, words, emit);
        path = new Int32Array(n);
        viterbi(emit, n, model.trans, path);
        if (memo.size >= MEMO_SENTENCES) memo.clear();
        memo.set(key, path);
      }
      if (lastStats?.history) recordHistory(lastStats.history, tokens, sentence.firstToken, path);
      const labels: BioLabel[] = new Array(n);
      for (let i = 0; i < n; i++) labels[i] = TAGS[path[i]!]!;
      return labels;
    },
  };
}

/** Sentences whose labels the tagger remembers; beyond this it starts again, so memory stays bounded. */
const MEMO_SENTENCES = 20_000;

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
