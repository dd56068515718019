import type { Token } from '../types';
import { gazetteerClass, MULTIWORD, ORG_WORDS, TITLES } from './gazetteer';
import { murmurFinish, murmurStep } from '../index/hash';

// Bound once: run through tsx (tests, tools, training), each call of an imported function reads it through the
// module's export getter, which cost the tagger about 40% of its time in these loops.
const fmix = murmurFinish;
const step = murmurStep;

/*
 * Feature extraction shared by training (scripts/trainNer.ts) and tagging (tagger.ts), so the two can never
 * disagree. Each feature is a template number and a string; it is hashed to two 32-bit values (FNV-1a and a
 * multiplicative hash) without building the concatenated string, which keeps tagging allocation-light.
 */

/*
 * Hashing: every string a feature reads (a word, a shape, a gazetteer class) is hashed once per token into two
 * 32-bit lanes (an "atom"); a feature is its template number mixed with one to three atoms (murmur3 steps).
 * Lane A finds the weight row, lane B (16 bits of it) checks it.
 */
let atomB = 0;

/** Hashes a string to lane A (returned) and lane B (kept for the caller in `atomB`): "syria" -> two 32-bit values. */
export function hashString(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  atomB = fmix(b);
  return fmix(a);
}

/** An atom for a constant string, computed once: [laneA, laneB]. */
function atom(s: string): readonly [number, number] {
  const a = hashString(s);
  return [a, atomB];
}

/** The hashed features of one token: `h1[k]`, `h2[k]` for `k < count`. */
export class FeatureBuffer {
  h1 = new Int32Array(128);
  h2 = new Int32Array(128);
  count = 0;
  /**
   * With `ShapeGroups`: the key lanes of the token's shape group (`groupA`, `groupB`), and where its features stand in the buffer
   * (`groupStart` to `groupEnd`, empty when the caller has summed that group before).
   */
  groupA = 0;
  groupB = 0;
  groupStart = 0;
  groupEnd = 0;
  /** Where the caller keeps the group's summed weights, or -1 when it has not summed them (they are then in the buffer). */
  groupAt = -1;

  /** Adds the feature (template, atom). */
  add1(t: number, a1: number, b1: number): void {
    this.push(fmix(step(t * 0x9e3779b1, a1)), fmix(step(t * 0x7f4a7c15 + 1, b1)));
  }

  /** Adds the feature (template, atom, atom). */
  add2(t: number, a1: number, b1: number, a2: number, b2: number): void {
    this.push(fmix(step(step(t * 0x9e3779b1, a1), a2)), fmix(step(step(t * 0x7f4a7c15 + 1, b1), b2)));
  }

  /*
   * The same features with atoms read from interleaved lane arrays (`X[2 * i]` lane A, `X[2 * i + 1]` lane B): the
   * arguments are small integers and arrays, so a call never boxes a 32-bit hash, and the hashes go straight to the
   * buffer. `at2(39, L, c - 1, L, c)` equals `add2(39, ...L's atom c - 1, ...L's atom c)`.
   */

  /** Adds the feature (template, X's atom i). */
  at1(t: number, X: Int32Array, i: number): void {
    const x = fmix(step(t * 0x9e3779b1, X[2 * i]!));
    const y = fmix(step(t * 0x7f4a7c15 + 1, X[2 * i + 1]!));
    const n = this.count;
    if (n === this.h1.length) this.grow();
    this.h1[n] = x;
    this.h2[n] = y;
    this.count = n + 1;
  }

  /** Adds the feature (template, X's atom i, Y's atom j). */
  at2(t: number, X: Int32Array, i: number, Y: Int32Array, j: number): void {
    const x = fmix(step(step(t * 0x9e3779b1, X[2 * i]!), Y[2 * j]!));
    const y = fmix(step(step(t * 0x7f4a7c15 + 1, X[2 * i + 1]!), Y[2 * j + 1]!));
    const n = this.count;
    if (n === this.h1.length) this.grow();
    this.h1[n] = x;
    this.h2[n] = y;
    this.count = n + 1;
  }

  /** Adds the feature (template, X's atom i, Y's atom j, Z's atom k). */
  at3(t: number, X: Int32Array, i: number, Y: Int32Array, j: number, Z: Int32Array, k: number): void {
    const x = fmix(step(step(step(t * 0x9e3779b1, X[2 * i]!), Y[2 * j]!), Z[2 * k]!));
    const y = fmix(step(step(step(t * 0x7f4a7c15 + 1, X[2 * i + 1]!), Y[2 * j + 1]!), Z[2 * k + 1]!));
    const n = this.count;
    if (n === this.h1.length) this.grow();
    this.h1[n] = x;
    this.h2[n] = y;
    this.count = n + 1;
  }

  /** Adds a feature made of strings, for the rare ones: `addStrings(60, "PER", "Xx")`. */
  addStrings(t: number, s1: string, s2?: string): void {
    const a1 = hashString(s1);
    const b1 = atomB;
    if (s2 === undefined) { this.add1(t, a1, b1); return; }
    const a2 = hashString(s2);
    this.add2(t, a1, b1, a2, atomB);
  }

  private push(x: number, y: number): void {
    if (this.count === this.h1.length) this.grow();
    this.h1[this.count] = x;
    this.h2[this.count] = y;
    this.count++;
  }

  private grow(): void {
    const h1 = new Int32Array(this.count * 2);
    const h2 = new Int32Array(this.count * 2);
    h1.set(this.h1);
    h2.set(this.h2);
    this.h1 = h1;
    this.h2 = h2;
  }
}

/** "Haddad" -> "Xx", "U.S." -> "X.X.", "1,000" -> "d,d", "al-Hamdan" -> "x-Xx". */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 48 && c <= 57) k = 'd';
    else if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c < 128) k = ch;
    else k = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (k !== last) out += k;
    last = k;
    if (out.length >= 8) break;
  }
  return out;
}

const QUOTES: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '...' };

/** Normalises a token for features: curly and doubled quotes to straight, digits to 0: "1,250" -> "0,000", "Syria’s" -> "Syria's". */
export function normalizeWord(w: string): string {
  if (w === "''") return '"';
  let plain = true;
  for (let i = 0; i < w.length && plain; i++) {
    const c = w.charCodeAt(i);
    plain = !(c >= 48 && c <= 57) && (c < 128 || QUOTES[w[i]!] === undefined);
  }
  if (plain) return w;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) out += '0';
    else out += QUOTES[w[i]!] ?? w[i]!;
  }
  return out;
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));

/** What one document says about its words: which appear in lower case, which capitalised mid-sentence. */
export interface DocumentStats {
  readonly lowerSeen: ReadonlySet<string>;
  readonly capitalisedMid: ReadonlySet<string>;
  /**
   * What the tagger said about each capitalised word earlier in the document (counts per O, PER, ORG, LOC, MISC),
   * read as a feature and updated after each sentence: "Fischler" after "Franz Fischler" leans PER.
   */
  readonly history?: Map<string, Int32Array>;
  /**
   * How each capitalised word is used anywhere in the document, as bits: 1 after a title ("President X"), 2 before an
   * organisation word ("X Motors"), 4 after a place preposition ("in X"), 8 before a verb of saying ("X said"),
   * 16 after a lowercase "the" ("the X").
   */
  readonly usage?: ReadonlyMap<string, number>;
  /** Words the training text writes in lower case at least as often as capitalised mid-sentence ("ceasefire"). */
  readonly common?: ReadonlySet<string>;
}

/**
 * The common-word vocabulary learned from training text: lower-case forms written lower case at least twice and at
 * least as often as capitalised mid-sentence. "talks" is common, "Reuters" is not.
 */
export function commonWords(docs: readonly { tokens: readonly Token[]; starts: ReadonlySet<number> }[]): string[] {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const { tokens, starts } of docs) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!.text;
      const c = t.charCodeAt(0);
      if (isLower(c)) lower.set(t, (lower.get(t) ?? 0) + 1);
      else if (isUpper(c) && !starts.has(i) && !isAllCaps(t)) upper.set(t.toLowerCase(), (upper.get(t.toLowerCase()) ?? 0) + 1);
    }
  }
  return [...lower].filter(([w, n]) => n >= 2 && n >= (upper.get(w) ?? 0) && /^\p{Ll}[\p{Ll}'-]*$/u.test(w)).map(([w]) => w).sort();
}

const HISTORY_CLASSES = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;

/** The class a word most often had earlier in the document, or null: "Haddad" -> "PER". */
export function historyValue(history: ReadonlyMap<string, Int32Array>, word: string): string | null {
  const counts = history.get(word);
  if (!counts) return null;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return HISTORY_CLASSES[best] ?? null;
}

/** Records the tags given to a sentence's capitalised words (tag indexes as in TAGS): "Haddad" tagged B-PER counts one PER. */
export function recordHistory(history: Map<string, Int32Array>, tokens: readonly Token[], from: number, tags: ArrayLike<number>): void {
  for (let i = 0; i < tags.length; i++) {
    const w = tokens[from + i]!.text;
    if (!isUpper(w.charCodeAt(0))) continue;
    let counts = history.get(w);
    if (!counts) history.set(w, (counts = new Int32Array(HISTORY_CLASSES.length)));
    const k = (tags[i]! + 1) >> 1;
    counts[k] = counts[k]! + 1;
  }
}

/** Adds the history features of one token (shared by training and tagging). */
export function addHistoryFeatures(f: FeatureBuffer, value: string, shape: string): void {
  f.addStrings(60, value);
  f.addStrings(61, value, shape);
}

/** Counts the case of every word in a document: "the Treasury ... treasury bonds" -> lowerSeen has "treasury". */
export function documentStats(tokens: readonly Token[], sentenceStarts: ReadonlySet<number>): DocumentStats {
  const lowerSeen = new Set<string>();
  const capitalisedMid = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    const c = t.charCodeAt(0);
    if (isLower(c)) lowerSeen.add(t);
    else if (isUpper(c) && !sentenceStarts.has(i) && !isAllCaps(t)) capitalisedMid.add(t);
  }
  return { lowerSeen, capitalisedMid, usage: usageOf(tokens) };
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'outside', 'across', 'into', 'towards', 'toward']);
const SAYING = new Set(['said', 'says', 'told', 'added', 'stated', 'announced', 'reported', 'denied']);

function usageOf(tokens: readonly Token[]): Map<string, number> {
  const usage = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (!isUpper(t.charCodeAt(0))) continue;
    const prev = tokens[i - 1]?.text ?? '';
    const next = tokens[i + 1]?.text ?? '';
    let bits = 0;
    if (TITLES.has(prev) || (prev.endsWith('.') && TITLES.has(prev.slice(0, -1)))) bits |= 1;
    if (ORG_WORDS.has(next)) bits |= 2;
    if (PLACE_PREPOSITIONS.has(prev)) bits |= 4;
    if (SAYING.has(next)) bits |= 8;
    if (prev === 'the') bits |= 16;
    if (bits) usage.set(t, (usage.get(t) ?? 0) | bits);
  }
  return usage;
}

function isAllCaps(w: string): boolean {
  let letters = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) letters++;
  }
  return letters > 1;
}

/** What a word alone contributes, computed once per distinct word and cached: forms, shape, atoms, affixes. */
export interface WordInfo {
  readonly word: string;
  readonly lower: string;
  /** The lower-case form with a capital first letter: "NATO" -> "Nato". */
  readonly title: string;
  readonly shape: string;
  readonly gaz: string;
  readonly letters: number;
  readonly lowerLetters: number;
  /** Atoms (lane A, lane B) of word, lower, shape and gazetteer class, then of the raw token text (for `featureContextKey`). */
  readonly atoms: Int32Array;
  /** Atoms of the lower-case prefixes (1-4 letters) then suffixes (1-4 letters); `affixes` of each. */
  readonly affix: Int32Array;
  readonly affixes: number;
  /** A tagger's summed weights for the word (see `PerceptronWeights.wordSums`), kept for the model `sumsOf`. */
  sums: Int32Array | null;
  sumsOf: object | null;
  /** Whether the lower-case form is in the common-word list `commonOf` (the model's, the same for every document). */
  common: boolean;
  commonOf: ReadonlySet<string> | null;
}

/** `common.has(info.lower)`, remembered on the word for the last list asked about. */
function isCommon(info: WordInfo, common: ReadonlySet<string>): boolean {
  if (info.commonOf !== common) { info.common = common.has(info.lower); info.commonOf = common; }
  return info.common;
}

/** The words of tokens `[from, to)`, looked up once for a sentence's key, features and sums: `sentenceWords(tokens, 0, 3)`. */
export function sentenceWords(tokens: readonly Token[], from: number, to: number): WordInfo[] {
  const words: WordInfo[] = new Array(to - from);
  for (let i = from; i < to; i++) words[i - from] = lookupWord(tokens[i]!.text);
  return words;
}

const WORDS = new Map<string, WordInfo>();

/** What a token's text contributes as a word, from a bounded cache: `lookupWord("Haddad").shape` -> "Xx". */
export function lookupWord(raw: string): WordInfo {
  let info = WORDS.get(raw);
  if (info) return info;
  const word = normalizeWord(raw);
  const lower = word.toLowerCase();
  const shape = wordShape(raw);
  const gaz = gazetteerClass(word);
  let letters = 0;
  let lowerLetters = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (isLower(c)) { lowerLetters++; letters++; } else if (isUpper(c)) letters++;
  }
  const atoms = new Int32Array(10);
  atoms[0] = hashString(word); atoms[1] = atomB;
  atoms[2] = hashString(lower); atoms[3] = atomB;
  atoms[4] = hashString(shape); atoms[5] = atomB;
  atoms[6] = hashString(gaz); atoms[7] = atomB;
  const len = lower.length;
  const affixes = Math.min(4, len);
  const affix = new Int32Array(16);
  let pa = 0x3c6ef372, pb = 0x1b873593;
  let qa = 0x3c6ef372, qb = 0x1b873593;
  for (let k = 0; k < affixes; k++) {
    pa = step(pa, lower.charCodeAt(k));
    pb = step(pb, lower.charCodeAt(k) + 0x10000);
    affix[2 * k] = fmix(pa); affix[2 * k + 1] = fmix(pb);
    qa = step(qa, lower.charCodeAt(len - 1 - k));
    qb = step(qb, lower.charCodeAt(len - 1 - k) + 0x10000);
    affix[8 + 2 * k] = fmix(qa); affix[8 + 2 * k + 1] = fmix(qb);
  }
  atoms[8] = hashString(raw); atoms[9] = atomB;
  info = { word, lower, title: titleCase(lower), shape, gaz, letters, lowerLetters, atoms, affix, affixes, sums: null, sumsOf: null, common: false, commonOf: null };
  // A bounded cache: an endless stream of new words (a data dump) must not grow memory without limit.
  if (WORDS.size >= 50_000) WORDS.clear();
  WORDS.set(raw, info);
  return info;
}

interface SentenceView {
  readonly n: number;
  readonly info: WordInfo[];
  /** A gazetteer class that differs from the word's own (a multi-word name, a headline word), else undefined. */
  readonly gaz: (string | undefined)[];
  readonly headline: boolean;
  /** A results table line ("Zemun 1 Rad ( B ) 0"): a third or more of the tokens are numbers. */
  readonly numeric: boolean;
}

const BOUNDARY = ['<s>', '</s>'] as const;

function view(tokens: readonly Token[], from: number, to: number, words?: readonly WordInfo[]): SentenceView {
  const n = to - from;
  const info: WordInfo[] = words ? (words as WordInfo[]) : new Array(n);
  const gaz: (string | undefined)[] = new Array(n);
  let letters = 0;
  let lowerLetters = 0;
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[from + i]!;
    const w = words ? words[i]! : (info[i] = lookupWord(t.text));
    letters += w.letters;
    lowerLetters += w.lowerLetters;
    if (t.kind === 'number') numbers++;
  }
  for (let i = 0; i < n; i++) {
    if (gaz[i] !== undefined) continue;
    const span = MULTIWORD.get(info[i]!.word);
    if (!span) continue;
    for (let len = Math.min(span, n - i); len >= 2; len--) {
      let phrase = info[i]!.word;
      for (let k = 1; k < len; k++) phrase += ' ' + info[i + k]!.word;
      const cls = gazetteerClass(phrase);
      if (cls) {
        gaz[i] = 'B' + cls;
        for (let k = 1; k < len; k++) gaz[i + k] = 'I' + cls;
        break;
      }
    }
  }
  // A headline in capitals ("SOCCER - JAPAN GET LUCKY WIN") carries no case information; look its words up as "Japan".
  const headline = letters >= 6 && lowerLetters === 0;
  if (headline) {
    for (let i = 0; i < n; i++) {
      if (gaz[i] === undefined && !info[i]!.gaz) {
        const cls = gazetteerClass(info[i]!.title);
        if (cls) gaz[i] = cls;
      }
    }
  }
  const numeric = n >= 3 && numbers * 3 >= n;
  return { n, info, gaz, headline, numeric };
}

const [BIAS_A, BIAS_B] = atom('bias');
const [HL_A, HL_B] = atom('H');
const [NOHL_A, NOHL_B] = atom('');
const LEN = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map(atom);
const [S0_A, S0_B] = atom(BOUNDARY[0]);
const [S1_A, S1_B] = atom(BOUNDARY[1]);

/**
 * The constant atoms the sentence templates read, interleaved (lane A at 2k, lane B at 2k + 1) and named by index k:
 * the headline flag, the position in the sentence, the document facts and the usage bits.
 */
const K = new Int32Array(2 * 49);
const [K_HL, K_NOHL, K_POS, K_NUM, K_DL, K_DNL, K_DC, K_DNC, K_CL, K_NCL, K_USAGE, K_HISTORY] = [0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 44] as const;
[
  'H', '', 'F', 'S', 'M', '#', 'L', 'l', 'C', 'c', 'common', 'rare', ...Array.from({ length: 32 }, (_, u) => `u${u}`), ...HISTORY_CLASSES,
].forEach((s, k) => { K[2 * k] = hashString(s); K[2 * k + 1] = atomB; });

/** Per-sentence atoms, interleaved, with two boundary slots on each side: atom i + 2 for token i. */
class Atoms {
  x = new Int32Array(0);
  fill(v: SentenceView, slot: number): Int32Array {
    const n = v.n;
    if (this.x.length < 2 * (n + 4)) this.x = new Int32Array(2 * (n + 68));
    const x = this.x;
    x[0] = x[2] = S0_A; x[1] = x[3] = S0_B;
    x[2 * (n + 2)] = x[2 * (n + 3)] = S1_A; x[2 * (n + 2) + 1] = x[2 * (n + 3) + 1] = S1_B;
    for (let i = 0; i < n; i++) {
      const own = v.info[i]!.atoms;
      const g = slot === 6 ? v.gaz[i] : undefined;
      if (g !== undefined) { x[2 * (i + 2)] = hashString(g); x[2 * (i + 2) + 1] = atomB; }
      else { x[2 * (i + 2)] = own[slot]!; x[2 * (i + 2) + 1] = own[slot + 1]!; }
    }
    return x;
  }
}
const WORD = new Atoms();
const LOWER = new Atoms();
const SHAPE = new Atoms();
const GAZ = new Atoms();

/** What a tagger has summed already: `sentenceFeatures` leaves out the shape group of a token whose key is `summed`. */
export interface ShapeGroups {
  /** Where the sums of the group with key lanes (a, b) are kept, or -1. */
  summed(a: number, b: number): number;
}

/**
 * Calls `each(i, buffer)` with the features of every token of `tokens[from, to)`, e.g. for "Brig. Gen. Yosef Amrani"
 * the token "Yosef" gets w=Oded, w-1=gen., shape=Xx, gaz-1=T and so on.
 */
export function sentenceFeatures(
  tokens: readonly Token[], from: number, to: number, doc: DocumentStats | null,
  each: (i: number, f: FeatureBuffer, headline: boolean) => void, buffer = new FeatureBuffer(), omitWordFeatures = false,
  groups?: ShapeGroups, words?: readonly WordInfo[],
): void {
  const v = view(tokens, from, to, words);
  const n = v.n;
  const W = WORD.fill(v, 0), L = LOWER.fill(v, 2), S = SHAPE.fill(v, 4), G = GAZ.fill(v, 6);
  const hl = v.headline ? K_HL : K_NOHL;
  const f = buffer;
  for (let i = 0; i < n; i++) {
    f.count = 0;
    const c = i + 2;
    const info = v.info[i]!;
    const l = info.lower;
    // The features of the word alone (with the headline flag) and of the words around it are left to the caller when it
    // asks: see `wordFeatures` and `neighbourFeatures`.
    if (!omitWordFeatures) {
      addWordFeatures(f, info, v.headline);
      f.at1(30, L, c - 1);
      f.at1(31, L, c + 1);
      f.at1(32, L, c - 2);
      f.at1(33, L, c + 2);
      f.at1(41, W, c - 1);
      f.at1(42, W, c + 1);
    }
    const pos = K_POS + (i === 0 ? 0 : i === 1 ? 1 : 2);
    f.at2(39, L, c - 1, L, c);
    f.at2(40, L, c, L, c + 1);
    f.at2(52, L, c - 1, S, c);
    f.at2(53, L, c + 1, S, c);
    if (!omitWordFeatures) f.at2(54, K, pos, L, c);
    if (v.numeric) f.at3(63, K, K_NUM, L, c - 1, S, c);
    // What the document says about a capitalised word, as bits (see `addDocumentGroup`).
    let facts = 0;
    if (doc) {
      const w = info.word;
      if (isUpper(w.charCodeAt(0))) {
        facts = 1;
        if (doc.lowerSeen.has(l)) facts |= 2;
        if (i === 0 || v.headline) facts |= doc.capitalisedMid.has(w) || doc.capitalisedMid.has(info.title) ? 12 : 8;
        if (doc.common) facts |= isCommon(info, doc.common) ? 48 : 16;
        const u = doc.usage?.get(tokens[from + i]!.text);
        if (u !== undefined) facts |= 64 | (u << 7);
        if (doc.history) facts |= (HISTORY_CODE.get(historyValue(doc.history, tokens[from + i]!.text) ?? '') ?? 0) << 12;
      }
    }
    if (groups) {
      // The templates that read only shapes, gazetteer classes, the position, the flags and the document facts, keyed
      // by what they read.
      let a = 0x1b873593, b = 0x3c6ef372;
      a = step(step(step(a, S[2 * c - 2]!), S[2 * c]!), S[2 * c + 2]!);
      b = step(step(step(b, S[2 * c - 1]!), S[2 * c + 1]!), S[2 * c + 3]!);
      a = step(step(step(a, G[2 * c - 2]!), G[2 * c]!), G[2 * c + 2]!);
      b = step(step(step(b, G[2 * c - 1]!), G[2 * c + 1]!), G[2 * c + 3]!);
      const flags = (facts << 5) | (hl << 4) | (pos << 1) | (v.numeric ? 1 : 0);
      a = fmix(step(a, flags));
      b = fmix(step(b, flags ^ 0x5bd1e995));
      f.groupA = a;
      f.groupB = b;
      const start = f.count;
      f.groupAt = groups.summed(a, b);
      if (f.groupAt < 0) {
        addShapeGroup(f, S, G, c, hl, pos, v.numeric);
        if (facts) addDocumentGroup(f, facts, S, c, hl, pos);
      }
      f.groupStart = start;
      f.groupEnd = f.count;
    } else {
      addShapeGroup(f, S, G, c, hl, pos, v.numeric);
      if (facts) addDocumentGroup(f, facts, S, c, hl, pos);
    }
    each(i, f, v.headline);
  }
}

/**
 * The features of token c that read only shapes (S), gazetteer classes (G), its position, the headline flag and the
 * numeric-line flag: about 5,000 distinct combinations in news, so a tagger may sum them once per combination.
 */
function addShapeGroup(f: FeatureBuffer, S: Int32Array, G: Int32Array, c: number, hl: number, pos: number, numeric: boolean): void {
  f.at2(34, S, c - 1, K, hl);
  f.at2(35, S, c + 1, K, hl);
  f.at3(36, S, c - 1, S, c, K, hl);
  f.at3(37, S, c, S, c + 1, K, hl);
  f.at3(38, S, c - 1, S, c, S, c + 1);
  f.at3(43, K, pos, S, c, K, hl);
  f.at1(45, G, c);
  f.at1(46, G, c - 1);
  f.at1(47, G, c + 1);
  f.at3(48, G, c - 1, G, c, G, c + 1);
  f.at2(49, G, c, S, c);
  if (numeric) f.at2(62, K, K_NUM, S, c);
}

/**
 * The document features of a capitalised token c from its facts: 1 capitalised, 2 seen in lower case, 8 the mid-sentence
 * test applies (a first or headline word) and 4 it passed, 16 a common-word list exists and 32 the word is on it, 64 a
 * usage is known (its bits from 128 up), and the history class from 4096 up (none, O, PER, ORG, LOC, MISC).
 */
function addDocumentGroup(f: FeatureBuffer, facts: number, S: Int32Array, c: number, hl: number, pos: number): void {
  f.at3(57, K, facts & 2 ? K_DL : K_DNL, K, pos, K, hl);
  if (facts & 8) f.at2(58, K, facts & 4 ? K_DC : K_DNC, K, pos);
  if (facts & 16) {
    const cm = facts & 32 ? K_CL : K_NCL;
    f.at2(66, K, cm, K, pos);
    f.at3(67, K, cm, S, c, K, hl);
  }
  if (facts & 64) {
    const u = K_USAGE + ((facts >> 7) & 31);
    f.at1(64, K, u);
    f.at2(65, K, u, S, c);
  }
  const h = facts >> 12;
  if (h) {
    // As `addHistoryFeatures`: the class alone and with the word's shape.
    f.at1(60, K, K_HISTORY + h - 1);
    f.at2(61, K, K_HISTORY + h - 1, S, c);
  }
}

/** The places a word's neighbour features read it from: the word before the token, after it, two before, two after. */
export const NEIGHBOUR_ROLES = 4;

/**
 * The features a word gives the token next to it, for role 1 (it is the word before: "w-1", "l-1"), 2 (the word after),
 * 3 (two before) or 4 (two after); `raw` null is the sentence edge ("<s>" before, "</s>" after). The same for every
 * occurrence, so a tagger may sum their weights once per word: the features `sentenceFeatures` leaves out when asked.
 */
export function neighbourFeatures(word: WordInfo | null, role: number, f: FeatureBuffer): void {
  f.count = 0;
  let wa: number, wb: number, la: number, lb: number;
  if (word === null) {
    const before = role === 1 || role === 3;
    wa = la = before ? S0_A : S1_A;
    wb = lb = before ? S0_B : S1_B;
  } else {
    const atoms = word.atoms;
    wa = atoms[0]!; wb = atoms[1]!; la = atoms[2]!; lb = atoms[3]!;
  }
  if (role === 1) { f.add1(30, la, lb); f.add1(41, wa, wb); }
  else if (role === 2) { f.add1(31, la, lb); f.add1(42, wa, wb); }
  else if (role === 3) f.add1(32, la, lb);
  else f.add1(33, la, lb);
}

/** The positions a word's position feature tells apart: first in the sentence, second, later. */
export const POSITIONS = 3;

/**
 * The feature of a word at position `p` (0 first, 1 second, 2 later) with its lower-case form: the same for every
 * occurrence at that position, so a tagger may sum it once per word (`sentenceFeatures` leaves it out when asked).
 */
export function positionFeatures(word: WordInfo, p: number, f: FeatureBuffer): void {
  f.count = 0;
  f.at2(54, K, K_POS + p, word.atoms, 1);
}

/**
 * The features of a word alone: bias, word, lower case, shape (with the headline flag), affixes, length, hyphen parts,
 * and in a headline the lower-case word. The same for every occurrence of the word, so a tagger may sum their weights
 * once per word: `wordFeatures(lookupWord("Haddad"), false, buffer)`.
 */
export function wordFeatures(word: WordInfo, headline: boolean, f: FeatureBuffer): void {
  f.count = 0;
  addWordFeatures(f, word, headline);
}

function addWordFeatures(f: FeatureBuffer, info: WordInfo, headline: boolean): void {
  const atoms = info.atoms;
  const ha = headline ? HL_A : NOHL_A;
  const hb = headline ? HL_B : NOHL_B;
  f.add1(1, BIAS_A, BIAS_B);
  f.add1(2, atoms[0]!, atoms[1]!);
  f.add1(3, atoms[2]!, atoms[3]!);
  f.add2(4, atoms[4]!, atoms[5]!, ha, hb);
  const affix = info.affix;
  for (let k = 0; k < info.affixes; k++) {
    f.add1(11 + k, affix[2 * k]!, affix[2 * k + 1]!);
    f.add1(21 + k, affix[8 + 2 * k]!, affix[9 + 2 * k]!);
  }
  if (headline) f.add1(44, atoms[2]!, atoms[3]!);
  const l = info.lower;
  const len = l.length;
  const lenAtom = LEN[len > 8 ? 9 : len]!;
  f.add1(51, lenAtom[0], lenAtom[1]);
  const hyphen = l.indexOf('-');
  if (hyphen > 0 && hyphen < len - 1) {
    f.addStrings(55, l.slice(0, hyphen + 1));
    f.addStrings(56, l.slice(hyphen));
  }
}

/**
 * Everything `sentenceFeatures` reads for the tokens `[from, to)` under the document's statistics, hashed to one
 * number (two 32-bit lanes, 53 bits kept): two windows with one key get the same features, so the tagger may reuse its
 * labels ("Haddad said" after an edit elsewhere). Each token adds its text, whether it is a number, and for a
 * capitalised word the document facts the templates read. No string is built: a long article's keys cost no garbage.
 */
export function featureContextKey(tokens: readonly Token[], from: number, to: number, doc: DocumentStats | null, words?: readonly WordInfo[]): number {
  let a = 0x2f1b3c4d, b = 0x6a09e667;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const raw = t.text;
    const info = words ? words[i - from]! : lookupWord(raw);
    const atoms = info.atoms;
    a = step(a, atoms[8]!); b = step(b, atoms[9]!);
    let facts = t.kind === 'number' ? 1 : 0;
    const w = info.word;
    if (doc && isUpper(w.charCodeAt(0))) {
      const l = info.lower;
      if (doc.lowerSeen.has(l)) facts |= 2;
      if (doc.capitalisedMid.has(w)) facts |= 4;
      if (doc.capitalisedMid.has(info.title)) facts |= 8;
      if (doc.common && isCommon(info, doc.common)) facts |= 16;
      // Usage bits (five), then the history class (none, O, PER, ORG, LOC, MISC).
      facts |= ((doc.usage?.get(raw) ?? 0) << 5) | (doc.history ? (HISTORY_CODE.get(historyValue(doc.history, raw) ?? '') ?? 0) << 10 : 0);
    }
    a = step(a, facts); b = step(b, facts ^ 0x5bd1e995);
  }
  a = fmix(step(a, to - from));
  b = fmix(step(b, to - from));
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

const HISTORY_CODE = new Map<string, number>(HISTORY_CLASSES.map((c, k) => [c, k + 1]));

const titleCase = (l: string): string => (l ? l[0]!.toUpperCase() + l.slice(1) : l);
