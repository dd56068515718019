import type { Token } from '../types';
import { tokenize } from '../text/tokenize';
import { jaroWinkler, stem } from '../nlp/natural';
import { DOC_COUNT, DOC_FREQ_TABLE } from './docFreq';

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

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000', billion: '1000000000', dozen: '12',
};

/** "six" -> "6", "1,000" -> "1000", "2.9" -> "2.9", "40th" -> "40"; null when not a number. */
export function normaliseNumber(word: string): string | null {
  const w = word.toLowerCase();
  const named = NUMBER_WORDS[w];
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

/** Maps a token to a canonical entity key ("e12") when it belongs to a resolved entity mention. */
export type EntityKeyAt = (token: Token) => string | null;

/*
 * Words that news outlets use for one another when they report the same thing: the first of each group stands for all.
 * A general paraphrase list (not tuned to any article); stems are compared, so one form per word is enough.
 */
const SYNONYM_GROUPS: readonly string[] = [
  'talks meeting meet consultations negotiations discussions',
  'government regime administration authorities',
  'waiver exemption exception',
  'remove lift scrap drop abolish',
  'halt end stop cease',
  'attack strike assault raid',
  'kill slay',
  'buy purchase acquire',
  'sell sold',
  'say tell state announce',
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
  'show indicate reveal',
  'ban prohibit bar',
  'urge press call',
  'expel banish deport',
  'troops forces soldiers',
  'plan intend aim',
  'try attempt seek',
  'fight battle combat',
  'near close',
  'about approximately roughly',
  'percent %',
];
const SYNONYM = new Map<string, string>();
for (const g of SYNONYM_GROUPS) {
  const words = g.split(' ');
  for (const w of words) SYNONYM.set(stem(w), stem(words[0]!));
}

/** Lower-cased, possessive-free, stemmed form of a word, synonyms folded: "Meetings" -> "talk", "U.S." -> "us". */
export function normWord(w: string): string {
  const lower = w.toLowerCase().replace(/\./g, '');
  const s = stem(lower);
  return SYNONYM.get(s) ?? s;
}

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
  return { seq, content, names, numbers, negated };
}

const inter = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number => {
  let n = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) n++;
  return n;
};
const dice = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number => (a.size + b.size ? (2 * inter(a, b)) / (a.size + b.size) : 0);
const ngrams = (seq: readonly string[], n: number): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + n <= seq.length; i++) out.add(seq.slice(i, i + n).join(' '));
  return out;
};

function lcs(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
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
const commonMass = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => { let m = 0; for (const x of a) if (b.has(x)) m += idf(x); return m; };

/** The feature vector the model weighs; exported for training and tests. */
export function pairFeatures(a: ClaimTerms, b: ClaimTerms): number[] {
  const common = inter(a.content, b.content);
  const minSize = Math.min(a.content.size, b.content.size);
  const maxSize = Math.max(a.content.size, b.content.size);
  const allA = new Set(a.seq), allB = new Set(b.seq);
  const numDiff = a.numbers.size && b.numbers.size ? 1 - dice(a.numbers, b.numbers) : 0;
  const namesUnmatched = a.names.size + b.names.size ? (a.names.size + b.names.size - 2 * inter(a.names, b.names)) / (a.names.size + b.names.size) : 0;
  return [
    dice(a.content, b.content),
    maxSize ? common / maxSize : 0,
    minSize ? common / minSize : 0,
    dice(allA, allB),
    dice(ngrams(a.seq, 2), ngrams(b.seq, 2)),
    dice(ngrams(a.seq, 3), ngrams(b.seq, 3)),
    Math.min(a.seq.length, b.seq.length) / Math.max(1, a.seq.length, b.seq.length),
    numDiff,
    namesUnmatched,
    lcs(a.seq, b.seq) / Math.max(1, Math.min(a.seq.length, b.seq.length)),
    a.negated !== b.negated ? 1 : 0,
    ...idfFeatures(a.content, b.content),
    ...idfFeatures(allA, allB),
    softDice(a.content, b.content),
    Math.abs(a.seq.length - b.seq.length) / 10,
    dice(ngrams(a.seq, 4), ngrams(b.seq, 4)),
    editRatio(a.seq, b.seq),
    a.numbers.size + b.numbers.size - 2 * inter(a.numbers, b.numbers) > 0 ? 1 : 0,
    (a.names.size + b.names.size - 2 * inter(a.names, b.names)) / 4,
  ];
}

function idfFeatures(a: ReadonlySet<string>, b: ReadonlySet<string>): number[] {
  const ma = mass(a), mb = mass(b), mc = commonMass(a, b);
  const ua = ma - mc, ub = mb - mc;
  return [ma + mb ? (2 * mc) / (ma + mb) : 0, Math.min(ma, mb) ? mc / Math.min(ma, mb) : 0, Math.max(ua, ub) / 10, Math.min(ua, ub) / 10];
}

/** Dice where unmatched words that are near-spellings ("normalise"/"normalize", "Sharaa"/"Sharah") count as matched. */
function softDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let matched = inter(a, b);
  const restB = [...b].filter((x) => !a.has(x) && x.length >= 4);
  for (const x of a) {
    if (b.has(x) || x.length < 4) continue;
    if (restB.some((y) => y.slice(0, 4) === x.slice(0, 4) && jaroWinkler(x, y) >= 0.9)) matched += 1;
  }
  return Math.min(1, (2 * matched) / (a.size + b.size));
}

/** Word-level edit distance over the longer length: 0 identical, 1 nothing in common. */
function editRatio(a: readonly string[], b: readonly string[]): number {
  const n = a.length, m = b.length;
  if (!n || !m) return 1;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[m]! / Math.max(n, m);
}

/*
 * A logistic model over `pairFeatures`, fitted (Newton's method, L2 1e-3) on the MSRP training pairs
 * (../shared/eval/data/match/msrp-train.jsonl); the threshold maximises accuracy while keeping F1 high.
 * Regenerate with the fitting notes in the crossref README section of the final report when features change.
 */
const MODEL = {
  w: [-35.8386, 16.9996, 11.4116, 3.2774, 0.1903, -2.5502, -0.7808, -0.4354, 0.29, 0.1961, -1.1386, 4.4874, -2.5212, 0.1753, -0.1269, 8.1411, -5.3531, -0.0484, -0.1929, 7.4003, -1.9022, -1.4235, -3.6513, -0.2056, 0.0922],
  b: 0.7597,
};
/** Scores at or above this are the same claim. */
export const SAME_THRESHOLD = 0.42;

/** Probability that two prepared sentences report the same claim: `scoreTerms(claimTerms(a), claimTerms(b))` ≈ 0.9 for paraphrases. */
export function scoreTerms(a: ClaimTerms, b: ClaimTerms): number {
  const f = pairFeatures(a, b);
  let z = MODEL.b;
  for (let i = 0; i < f.length; i++) z += (MODEL.w[i] ?? 0) * f[i]!;
  return 1 / (1 + Math.exp(-z));
}
