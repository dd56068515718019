import type { Token } from '../types';
import { tokenize } from '../text/tokenize';
import { jaroWinkler, stem } from '../nlp/natural';
import { DOC_COUNT, DOC_FREQ_TABLE } from './docFreq';
import { memoize } from '../index/memo';

/*
 * The shared scoring of "do these two sentences report the same thing?". `crosscheck match` and the workspace claim
 * alignment both call `scoreTerms`; the workspace only adds entity resolution (a name token becomes its canonical
 * entity key, so "Basiuk" and "Bashk" count as the same word).
 */

/** Words too common to say what a sentence is about. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor so yet of in on at to for from by with about as into onto over under after before than then that this these those ' +
    'is are was were be been being am has have had having do does did doing will would shall should can could may might must ' +
    'it its it\'s he him his she her hers they them their theirs we us our ours you your i me my mine who whom whose which what ' +
    'there here when where while if because also just very more most some any all each other such only own same too s ’s \'s ' +
    'said says say told tell according added adding stated noted' ).split(/\s+/).filter(Boolean),
);

const NEGATORS = new Set(['not', 'no', "n't", 'n’t', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', 'cannot']);
/** Verbs that deny their complement: "the army denied direct talks". */
export const DENIAL_STEMS: ReadonlySet<string> = new Set(['deni', 'deny', 'reject', 'refut', 'disput', 'dismiss', 'rebuf', 'contest']);

// A Map, not an object literal: "constructor" or "toString" must not read Object.prototype.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000', dozen: '12',
}));

/** "six" -> "6", "1,000" -> "1000", "2.9" -> "2.9", "40th" -> "40"; null when not a number. */
export function normaliseNumber(word: string): string | null {
  const w = word.toLowerCase();
  const named = NUMBER_WORDS.get(w);
  if (named !== undefined) return w === 'one' ? null : named; // "one" is too often a pronoun
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th|s|%)?$/.exec(w);
  if (!m) return null;
  return m[1]!.replace(/,/g, '') + (m[2] ?? '');
}

/** One sentence prepared for comparison. */
export interface ClaimTerms {
  /** Normalised word stems in order (stopwords kept), for n-grams and order. */
  readonly seq: readonly string[];
  /** Content stems (no stopwords, no numbers). */
  readonly content: ReadonlySet<string>;
  /** Names: canonical entity keys, or capitalised words not at the start of the sentence. */
  readonly names: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  /** True when a negator or a denial verb occurs. */
  readonly negated: boolean;
}

const NO_TERMS: ReadonlySet<string> = new Set();

/** Maps a token to a canonical entity key ("e12") when it belongs to a resolved entity mention. */
export type EntityKeyAt = (token: Token) => string | null;

/*
 * Words that news outlets use for one another when they report the same thing: the first of each group stands for all.
 * A general paraphrase list (not tuned to any article); stems are compared, so one form per word is enough.
 */
const SYNONYM_GROUPS: readonly string[] = [
  'talks meeting meet consultations negotiations discussions',
  'government regime administration',
  'waiver exemption exception',
  'remove lift scrap abolish',
  'halt end stop cease',
  'attack strike assault raid',
  'kill slay',
  'buy purchase acquire',
  'sell sold',
  'say tell announce',
  'rise climb increase gain jump rose',
  'fall drop decline slip decrease fell',
  'arrest detain',
  'accuse charge',
  'help aid assist support',
  'start begin launch',
  'big large major',
  'company firm',
  'car vehicle automobile',
  'chief head leader',
  'shares stock',
  'probe investigation inquiry',
  'quit resign',
  'hire employ',
  'cut reduce slash',
  'indicate reveal',
  'ban prohibit',
  'expel banish deport',
  'troops forces soldiers',
  'plan intend aim',
  'try attempt seek',
  'fight battle combat',
    'about approximately roughly',
  'percent %',
];
const SYNONYM = new Map<string, string>();
for (const g of SYNONYM_GROUPS) {
  const words = g.split(' ');
  for (const w of words) SYNONYM.set(stem(w), stem(words[0]!));
}

/** Lower-cased, possessive-free, stemmed form of a word, synonyms folded: "Meetings" -> "talk", "U.S." -> "us". */
// Remembered: one string per word form, shared by every claim that uses it (a workspace holds millions of them).
export const normWord: (w: string) => string = memoize(200_000, (w: string) => {
  const s = stem(w.toLowerCase().replace(/\./g, ''));
  return SYNONYM.get(s) ?? s;
});

/**
 * Prepares a sentence for `scoreTerms`, e.g. `claimTerms("Israel and Syria held direct talks")`.
 * `keyAt` lets the workspace replace names by their entity ids; tokens may come pre-computed.
 */
export function claimTerms(text: string, keyAt?: EntityKeyAt, tokens?: readonly Token[]): ClaimTerms {
  const toks = tokens ?? tokenize(text);
  const seq: string[] = [];
  const content = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  let negated = false;
  let first = true;
  let lastKey: string | null = null;
  for (const t of toks) {
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if (/[.;:!?]/.test(t.text)) first = true;
      lastKey = null;
      continue;
    }
    const lower = t.text.toLowerCase();
    if (lower === '’s' || lower === "'s") continue;
    const key = keyAt?.(t) ?? null;
    if (key) {
      if (key !== lastKey) { seq.push(key); names.add(key); content.add(key); }
      lastKey = key;
      first = false;
      continue;
    }
    lastKey = null;
    const num = normaliseNumber(lower);
    if (num !== null) { numbers.add(num); seq.push('#' + num); first = false; continue; }
    if (NEGATORS.has(lower)) negated = true;
    const s = normWord(lower);
    if (DENIAL_STEMS.has(s)) negated = true;
    seq.push(s);
    if (!STOPWORDS.has(lower) && !NEGATORS.has(lower)) {
      content.add(s);
      if (!first && /^\p{Lu}/u.test(t.text)) names.add(s);
    }
    first = false;
  }
  // Kept for the life of a claim: an empty set costs as much as a small one and most sentences name no number (one
  // shared empty set stands for all), and the sequence is kept without the spare room `push` left in it.
  return { seq: seq.slice(), content: content.size ? content : NO_TERMS, names: names.size ? names : NO_TERMS, numbers: numbers.size ? numbers : NO_TERMS, negated };
}


/** Words as small integers, so that the dynamic programmes below compare numbers, not strings. */
const internIds = new Map<string, number>();
/** Bumped when the word table starts again, so that arrays of old ids are never compared with new ones. */
let internGeneration = 0;
function wordId(w: string): number {
  let id = internIds.get(w);
  if (id === undefined) {
    if (internIds.size > 500_000 || ngramCount > 2_000_000) { internIds.clear(); clearNgrams(); internGeneration++; }
    id = internIds.size;
    internIds.set(w, id);
  }
  return id;
}
/** A sentence's words as ids, at most `MAX_ORDERED` of them, for the word-order features (kept in its `Derived`). */
function ordered(t: ClaimTerms): Int32Array {
  const ids = derived(t).ids;
  const from = ids[SEQ]!;
  return ids.subarray(from, Math.min(ids[SEQ + 1]!, from + MAX_ORDERED));
}

/**
 * N-grams as small integers: (id of the first n-1 words, id of the last word) -> id, in an open-addressing table of
 * int triples (a Map keyed by such pairs would hash doubles).
 */
let ngramTable = new Int32Array(3 << 16).fill(-1);
let ngramCount = 0;
function ngramId(prefix: number, last: number): number {
  const slots = ngramTable.length / 3;
  let h = (Math.imul(prefix, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b)) >>> 0;
  for (let s = h & (slots - 1); ; s = (s + 1) & (slots - 1)) {
    const at = s * 3;
    if (ngramTable[at] === -1) {
      if ((ngramCount + 1) * 2 > slots) { growNgrams(); return ngramId(prefix, last); }
      ngramTable[at] = prefix; ngramTable[at + 1] = last; ngramTable[at + 2] = ngramCount;
      return ngramCount++;
    }
    if (ngramTable[at] === prefix && ngramTable[at + 1] === last) return ngramTable[at + 2]!;
    h++;
  }
}
function growNgrams(): void {
  const old = ngramTable;
  ngramTable = new Int32Array(old.length * 2).fill(-1);
  const slots = ngramTable.length / 3;
  for (let at = 0; at < old.length; at += 3) {
    if (old[at] === -1) continue;
    const prefix = old[at]!, last = old[at + 1]!;
    let s = ((Math.imul(prefix, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b)) >>> 0) & (slots - 1);
    while (ngramTable[s * 3] !== -1) s = (s + 1) & (slots - 1);
    ngramTable.set([prefix, last, old[at + 2]!], s * 3);
  }
}
function clearNgrams(): void {
  ngramTable = new Int32Array(3 << 16).fill(-1);
  ngramCount = 0;
}

/** Appends the ids of a set of strings, in the set's order. */
function pushIds(out: number[], xs: Iterable<string>): void {
  for (const x of xs) out.push(wordId(x));
}

/** Appends the distinct n-grams (n = 2, 3, 4) of a word-id sequence as ids, each n after the other; returns the counts. */
function pushNgrams(out: number[], ids: readonly number[]): [number, number, number] {
  const bi = new Set<number>(), tri = new Set<number>(), quad = new Set<number>();
  for (let i = 0; i + 2 <= ids.length; i++) {
    const b = ngramId(ids[i]!, ids[i + 1]!);
    bi.add(b);
    if (i + 3 > ids.length) continue;
    const t = ngramId(b, ids[i + 2]!);
    tri.add(t);
    if (i + 4 <= ids.length) quad.add(ngramId(t, ids[i + 3]!));
  }
  for (const x of bi) out.push(x);
  for (const x of tri) out.push(x);
  for (const x of quad) out.push(x);
  return [bi.size, tri.size, quad.size];
}

let marks = new Int32Array(1 << 16);
let stamp = 0;
/** Marks the ids `b[from, to)` (for `marked`), in O(to - from). */
function mark(b: Int32Array, from: number, to: number): void {
  if (++stamp === 0x7fffffff) { marks.fill(0); stamp = 1; }
  for (let k = from; k < to; k++) {
    const x = b[k]!;
    if (x >= marks.length) { const grown = new Int32Array(Math.max(marks.length * 2, x + 1)); grown.set(marks); marks = grown; }
    marks[x] = stamp;
  }
}
const marked = (x: number): boolean => x < marks.length && marks[x] === stamp;
/** How many distinct ids of set `seg` of `a` are in set `seg` of `b`: the size of the intersection of two sets. */
function common(a: Derived, b: Derived, seg: number): number {
  const ai = a.ids, bi = b.ids;
  mark(bi, bi[seg]!, bi[seg + 1]!);
  let n = 0;
  for (let k = ai[seg]!, end = ai[seg + 1]!; k < end; k++) if (marked(ai[k]!)) n++;
  return n;
}
/** The size of set `seg`. */
const sizeOf = (d: Derived, seg: number): number => d.ids[seg + 1]! - d.ids[seg]!;
function diceIds(a: Derived, b: Derived, seg: number): number {
  const n = sizeOf(a, seg) + sizeOf(b, seg);
  return n ? (2 * common(a, b, seg)) / n : 0;
}
/** Sets of a `Derived`, by their place in its `ids`. */
const CONTENT = 0, ALL = 1, NAMES = 2, NUMBERS = 3, BI = 4, TRI = 5, QUAD = 6, SEQ = 7;

let rowA = new Int32Array(64), rowB = new Int32Array(64);

/** Order-aware features look at this many words at most: a run-on "sentence" of 40,000 words must not cost 40,000². */
const MAX_ORDERED = 300;

function lcs(ta: ClaimTerms, tb: ClaimTerms): number {
  const a = ordered(ta), b = ordered(tb);
  if (!a.length || !b.length) return 0;
  if (rowA.length <= b.length) { rowA = new Int32Array(b.length + 1); rowB = new Int32Array(b.length + 1); }
  let prev = rowA, cur = rowB;
  prev.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = 0;
    const x = a[i - 1]!;
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    const t = prev; prev = cur; cur = t;
  }
  return prev[b.length]!;
}

let docFreq: Map<string, number> | null = null;
/** Inverse sentence frequency of a stem: rare words ("azerbaijan") weigh more than common ones ("year"). */
export function idf(term: string): number {
  if (!docFreq) {
    docFreq = new Map();
    const parts = DOC_FREQ_TABLE.split(' ');
    for (let i = 0; i + 1 < parts.length; i += 2) docFreq.set(parts[i]!, Number(parts[i + 1]));
  }
  const df = docFreq.get(term) ?? 1;
  return Math.log((DOC_COUNT + 1) / (df + 0.5));
}

const mass = (xs: Iterable<string>): number => { let m = 0; for (const x of xs) m += idf(x); return m; };

/** The feature vector the model weighs (overlaps, n-grams, numbers, negation, idf mass), e.g. `pairFeatures(claimTerms(a), claimTerms(b))`. */
export function pairFeatures(a: ClaimTerms, b: ClaimTerms): number[] {
  const f = cheapFeatures(a, b);
  f[LCS] = lcsFeature(a, b);
  f[EDIT] = editRatio(a, b);
  return f;
}

/** Where the two word-order features stand in the vector: longest common subsequence and word edit distance. */
const LCS = 9, EDIT = 22;
const lcsFeature = (a: ClaimTerms, b: ClaimTerms): number => lcs(a, b) / Math.max(1, Math.min(a.seq.length, b.seq.length, MAX_ORDERED));

/** `pairFeatures` without its two quadratic word-order features (left 0), which `scoreTerms` may not need. */
function cheapFeatures(a: ClaimTerms, b: ClaimTerms): number[] {
  const da = derived(a), db = derived(b);
  // Set sizes and intersections are counted over word ids: the same integers as over the strings, without hashing them.
  const common2 = common(da, db, CONTENT);
  const minSize = Math.min(a.content.size, b.content.size);
  const maxSize = Math.max(a.content.size, b.content.size);
  const numDiff = a.numbers.size && b.numbers.size ? 1 - diceIds(da, db, NUMBERS) : 0;
  const sharedNames = common(da, db, NAMES);
  const namesUnmatched = a.names.size + b.names.size ? (a.names.size + b.names.size - 2 * sharedNames) / (a.names.size + b.names.size) : 0;
  const sharedNumbers = common(da, db, NUMBERS);
  return [
    a.content.size + b.content.size ? (2 * common2) / (a.content.size + b.content.size) : 0,
    maxSize ? common2 / maxSize : 0,
    minSize ? common2 / minSize : 0,
    diceIds(da, db, ALL),
    diceIds(da, db, BI),
    diceIds(da, db, TRI),
    Math.min(a.seq.length, b.seq.length) / Math.max(1, a.seq.length, b.seq.length),
    numDiff,
    namesUnmatched,
    0,
    a.negated !== b.negated ? 1 : 0,
    ...idfFeatures(da, db, CONTENT, 0, da.contentMass, db.contentMass),
    ...idfFeatures(da, db, ALL, sizeOf(da, CONTENT), da.allMass, db.allMass),
    softDice(a.content, b.content, common2),
    Math.abs(a.seq.length - b.seq.length) / 10,
    diceIds(da, db, QUAD),
    0,
    a.numbers.size + b.numbers.size - 2 * sharedNumbers > 0 ? 1 : 0,
    (a.names.size + b.names.size - 2 * sharedNames) / 4,
  ];
}

/**
 * Per-sentence sets as distinct word or n-gram ids, in the sets' order, and idf masses, computed once per sentence
 * rather than once per pair. One array holds every set and the words in order (a workspace keeps hundreds of thousands
 * of these, and a typed array of its own for each cost more than its contents): `ids[0..8]` are where the sets content,
 * all words, names, numbers, bigrams, trigrams and 4-grams and the word sequence start and end; `idf` holds the idf of
 * each content word, then of each word (a plain array: a typed one costs two objects and a buffer of its own).
 */
interface Derived {
  readonly gen: number;
  readonly ids: Int32Array;
  readonly idf: readonly number[];
  readonly contentMass: number;
  readonly allMass: number;
}
const derivedCache = new WeakMap<ClaimTerms, Derived>();
function derived(t: ClaimTerms): Derived {
  let d = derivedCache.get(t);
  if (!d || d.gen !== internGeneration) {
    const gen = internGeneration;
    const all = new Set(t.seq);
    const seqIds = t.seq.map(wordId);
    const out: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const bounds = [out.length];
    pushIds(out, t.content); bounds.push(out.length);
    pushIds(out, all); bounds.push(out.length);
    pushIds(out, t.names); bounds.push(out.length);
    pushIds(out, t.numbers); bounds.push(out.length);
    const [nb, nt, nq] = pushNgrams(out, seqIds);
    const at = bounds[4]!;
    bounds.push(at + nb, at + nb + nt, at + nb + nt + nq);
    for (const x of seqIds) out.push(x);
    bounds.push(out.length);
    for (let k = 0; k < 9; k++) out[k] = bounds[k]!;
    const idfs: number[] = [];
    for (const x of t.content) idfs.push(idf(x));
    for (const x of all) idfs.push(idf(x));
    d = { gen, ids: Int32Array.from(out), idf: idfs.slice(), contentMass: mass(t.content), allMass: mass(all) };
    // The word table started again while these were taken: take them again under the new one.
    if (gen !== internGeneration) return derived(t);
    derivedCache.set(t, d);
  }
  return d;
}

/**
 * Idf-weighted overlap of set `seg` (whose idfs start at `idfAt`): the mass of the words of `a` found in `b`, summed in
 * `a`'s order as over the string sets.
 */
function idfFeatures(a: Derived, b: Derived, seg: number, idfAt: number, ma: number, mb: number): number[] {
  const ai = a.ids, bi = b.ids;
  mark(bi, bi[seg]!, bi[seg + 1]!);
  let mc = 0;
  for (let k = ai[seg]!, end = ai[seg + 1]!, w = idfAt; k < end; k++, w++) if (marked(ai[k]!)) mc += a.idf[w]!;
  const ua = ma - mc, ub = mb - mc;
  return [ma + mb ? (2 * mc) / (ma + mb) : 0, Math.min(ma, mb) ? mc / Math.min(ma, mb) : 0, Math.max(ua, ub) / 10, Math.min(ua, ub) / 10];
}

/** True for a canonical entity key as the workspace puts it in place of a name ("e12"), e.g. `isEntityKey("e1000")`. */
export function isEntityKey(x: string): boolean {
  if (x.length < 2 || x.charCodeAt(0) !== 101) return false; // "e"
  for (let i = 1; i < x.length; i++) { const c = x.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

/**
 * Dice where unmatched words that are near-spellings ("normalise"/"normalize", "Sharaa"/"Sharah") count as matched.
 * Entity keys are not words: "e1000" and "e1001" are two different entities, never near-spellings of each other.
 */
function softDice(a: ReadonlySet<string>, b: ReadonlySet<string>, shared: number): number {
  if (!a.size || !b.size) return 0;
  let matched = shared;
  const restB = [...b].filter((x) => !a.has(x) && x.length >= 4 && !isEntityKey(x));
  if (a.size * restB.length > 40_000) return (2 * shared) / (a.size + b.size); // near-spellings are looked for in sentences, not in run-on pages
  for (const x of a) {
    if (b.has(x) || x.length < 4 || isEntityKey(x)) continue;
    if (restB.some((y) => y.slice(0, 4) === x.slice(0, 4) && jaroWinkler(x, y) >= 0.9)) matched += 1;
  }
  return Math.min(1, (2 * matched) / (a.size + b.size));
}

/** Word-level edit distance over the longer length: 0 identical, 1 nothing in common. */
function editRatio(ta: ClaimTerms, tb: ClaimTerms): number {
  const a = ordered(ta), b = ordered(tb);
  const n = a.length, m = b.length;
  if (!n || !m) return 1;
  if (rowA.length <= m) { rowA = new Int32Array(m + 1); rowB = new Int32Array(m + 1); }
  let prev = rowA, cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const x = a[i - 1]!;
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x === b[j - 1] ? 0 : 1));
    const t = prev; prev = cur; cur = t;
  }
  return prev[m]! / Math.max(n, m);
}

/*
 * A logistic model over `pairFeatures`, fitted (Newton's method, L2 1e-3) on the MSRP training pairs
 * (../shared/eval/data/match/msrp-train.jsonl, research use); the threshold is the one that keeps accuracy ≥ 0.76 with F1 ≥ 0.84.
 * A richer fit with interaction terms scored higher on MSRP but misjudged short clauses from different outlets, which
 * MSRP's whole sentences never show, so the plain model stays.
 */
const MODEL = {
  w: [-35.5132, 16.97, 11.1932, 3.3355, 0.1541, -2.5308, -0.7592, -0.433, 0.2932, 0.2061, -1.1387, 4.4272, -2.2782, 0.1681, -0.1133, 7.9, -5.1746, -0.0507, -0.1911, 7.1922, -1.9014, -1.4371, -3.6546, -0.2073, 0.0928],
  b: 0.7062,
};
/** Scores at or above this are the same claim: `scoreTerms(a, b) >= SAME_THRESHOLD`. */
export const SAME_THRESHOLD = 0.42;

/**
 * Probability that two prepared sentences report the same claim: `scoreTerms(claimTerms(a), claimTerms(b))` ≈ 0.9 for
 * paraphrases. With a `floor`, a score under it may come back as any value under it (cheaper): only which side counts.
 */
export function scoreTerms(a: ClaimTerms, b: ClaimTerms, floor = 0): number {
  const f = cheapFeatures(a, b);
  if (floor > 0) {
    // The word-order features cost a product of the lengths; when even their most favourable values (every word in
    // order, and no more edits than the difference in length) leave the score under `floor`, they are not computed.
    const n = Math.min(a.seq.length, MAX_ORDERED), m = Math.min(b.seq.length, MAX_ORDERED);
    f[LCS] = 1;
    f[EDIT] = n && m ? Math.abs(n - m) / Math.max(n, m) : 1;
    const best = 1 / (1 + Math.exp(-(weigh(f) + 1e-9)));
    if (best < floor) return best;
  }
  f[LCS] = lcsFeature(a, b);
  f[EDIT] = editRatio(a, b);
  return 1 / (1 + Math.exp(-weigh(f)));
}

function weigh(f: readonly number[]): number {
  let z = MODEL.b;
  for (let i = 0; i < f.length; i++) z += (MODEL.w[i] ?? 0) * f[i]!;
  return z;
}
