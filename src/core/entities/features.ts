import type { Token } from '../types';
import { gazetteerClass, MULTIWORD } from './gazetteer';

/*
 * Feature extraction shared by training (scripts/trainNer.ts) and tagging (tagger.ts), so the two can never
 * disagree. Each feature is a template number and a string; it is hashed to two 32-bit values (FNV-1a and a
 * multiplicative hash) without building the concatenated string, which keeps tagging allocation-light.
 */

/** The hashed features of one token: `h1[k]`, `h2[k]` for `k < count`. */
export class FeatureBuffer {
  h1 = new Int32Array(128);
  h2 = new Int32Array(128);
  count = 0;

  /** Adds the feature (template, a) or (template, a|b): `add(3, "syria")`. */
  add(template: number, a: string, b?: string, c?: string): void {
    X = Math.imul(0x811c9dc5 ^ template, 0x01000193);
    Y = 0x9747b28c + template * 0x1003f;
    mix(a);
    if (b !== undefined) {
      X = Math.imul(X ^ 0x7c, 0x01000193);
      mix(b);
    }
    if (c !== undefined) {
      X = Math.imul(X ^ 0x7c, 0x01000193);
      mix(c);
    }
    let y = Y;
    y ^= y >>> 15;
    y = Math.imul(y, 0x2c1b3c6d);
    y ^= y >>> 12;
    if (this.count === this.h1.length) {
      const h1 = new Int32Array(this.count * 2);
      const h2 = new Int32Array(this.count * 2);
      h1.set(this.h1);
      h2.set(this.h2);
      this.h1 = h1;
      this.h2 = h2;
    }
    this.h1[this.count] = X;
    this.h2[this.count] = y;
    this.count++;
  }
}

let X = 0;
let Y = 0;

function mix(s: string): void {
  let x = X;
  let y = Y;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    x = Math.imul(x ^ c, 0x01000193);
    y = Math.imul(y ^ c, 0x5bd1e995);
    y ^= y >>> 13;
  }
  X = x;
  Y = y;
}

/** "Basiuk" -> "Xx", "U.S." -> "X.X.", "1,000" -> "d,d", "al-Sharaa" -> "x-Xx". */
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

/** Normalises a token for features: curly quotes to straight, digits to 0: "1,250" -> "0,000", "Syria’s" -> "Syria's". */
export function normalizeWord(w: string): string {
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
}

const HISTORY_CLASSES = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;

/** The class a word most often had earlier in the document, or null: "Basiuk" -> "PER". */
export function historyValue(history: ReadonlyMap<string, Int32Array>, word: string): string | null {
  const counts = history.get(word);
  if (!counts) return null;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return HISTORY_CLASSES[best] ?? null;
}

/** Records the tags given to a sentence's capitalised words: tag indexes as in TAGS (0 O, 1-2 PER, 3-4 ORG, ...). */
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
  f.add(60, value);
  f.add(61, value, shape);
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
  return { lowerSeen, capitalisedMid };
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

/** Per-sentence token views the templates read. */
interface SentenceView {
  readonly n: number;
  readonly word: string[];
  readonly lower: string[];
  readonly shape: string[];
  readonly gaz: string[];
  readonly headline: boolean;
}

const BOUNDARY = ['<s>', '</s>'] as const;

function view(tokens: readonly Token[], from: number, to: number): SentenceView {
  const n = to - from;
  const word: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const shape: string[] = new Array(n);
  const gaz: string[] = new Array(n).fill('');
  let letters = 0;
  let lowerLetters = 0;
  for (let i = 0; i < n; i++) {
    const raw = tokens[from + i]!.text;
    const w = normalizeWord(raw);
    word[i] = w;
    lower[i] = w.toLowerCase();
    shape[i] = wordShape(raw);
    for (let k = 0; k < raw.length; k++) {
      const c = raw.charCodeAt(k);
      if (isLower(c)) { lowerLetters++; letters++; } else if (isUpper(c)) letters++;
    }
  }
  for (let i = 0; i < n; i++) {
    if (gaz[i]) continue;
    const span = MULTIWORD.get(word[i]!);
    if (span) {
      let matched = 0;
      for (let len = Math.min(span, n - i); len >= 2 && !matched; len--) {
        const phrase = word.slice(i, i + len).join(' ');
        const cls = gazetteerClass(phrase);
        if (cls) {
          matched = len;
          gaz[i] = 'B' + cls;
          for (let k = 1; k < len; k++) gaz[i + k] = 'I' + cls;
        }
      }
      if (matched) continue;
    }
    gaz[i] = gazetteerClass(word[i]!);
  }
  // A headline in capitals ("SOCCER - JAPAN GET LUCKY WIN") carries no case information.
  const headline = letters >= 6 && lowerLetters === 0;
  return { n, word, lower, shape, gaz, headline };
}

/**
 * Calls `each(i, buffer)` with the features of every token of `tokens[from, to)`, e.g. for "Maj. Gen. Oded Basiuk"
 * the token "Oded" gets w=Oded, w-1=gen., shape=Xx, gaz-1=T and so on.
 */
export function sentenceFeatures(
  tokens: readonly Token[], from: number, to: number, doc: DocumentStats | null,
  each: (i: number, f: FeatureBuffer) => void, buffer = new FeatureBuffer(),
): void {
  const v = view(tokens, from, to);
  const { n, word, lower, shape, gaz } = v;
  const hl = v.headline ? 'H' : '';
  const lw = (i: number): string => (i < 0 ? BOUNDARY[0] : i >= n ? BOUNDARY[1] : lower[i]!);
  const sh = (i: number): string => (i < 0 ? BOUNDARY[0] : i >= n ? BOUNDARY[1] : shape[i]!);
  const gz = (i: number): string => (i < 0 ? BOUNDARY[0] : i >= n ? BOUNDARY[1] : gaz[i]!);
  const f = buffer;
  for (let i = 0; i < n; i++) {
    f.count = 0;
    const w = word[i]!;
    const l = lower[i]!;
    const s = shape[i]!;
    f.add(1, 'bias');
    f.add(2, w);
    f.add(3, l);
    f.add(4, s, hl);
    const len = l.length;
    for (let k = 1; k <= 4 && k <= len; k++) {
      f.add(10 + k, l.slice(0, k));
      f.add(20 + k, l.slice(len - k));
    }
    f.add(30, lw(i - 1));
    f.add(31, lw(i + 1));
    f.add(32, lw(i - 2));
    f.add(33, lw(i + 2));
    f.add(34, sh(i - 1), hl);
    f.add(35, sh(i + 1), hl);
    f.add(36, sh(i - 1), s, hl);
    f.add(37, s, sh(i + 1), hl);
    f.add(38, sh(i - 1), s, sh(i + 1));
    f.add(39, lw(i - 1), l);
    f.add(40, l, lw(i + 1));
    f.add(41, i > 0 ? word[i - 1]! : BOUNDARY[0]);
    f.add(42, i + 1 < n ? word[i + 1]! : BOUNDARY[1]);
    const pos = i === 0 ? 'F' : i === 1 ? 'S' : 'M';
    f.add(43, pos, s, hl);
    if (hl) f.add(44, l);
    f.add(45, gz(i));
    f.add(46, gz(i - 1));
    f.add(47, gz(i + 1));
    f.add(48, gz(i - 1), gz(i), gz(i + 1));
    f.add(49, gz(i), s);
    f.add(51, len > 8 ? '9' : String(len));
    f.add(52, lw(i - 1), s);
    f.add(53, lw(i + 1), s);
    f.add(54, pos, l);
    const hyphen = l.indexOf('-');
    if (hyphen > 0 && hyphen < l.length - 1) {
      f.add(55, l.slice(0, hyphen + 1));
      f.add(56, l.slice(hyphen));
    }
    if (doc) {
      const c = w.charCodeAt(0);
      if (isUpper(c)) {
        f.add(57, doc.lowerSeen.has(l) ? 'L' : 'l', pos, hl);
        if (i === 0 || hl) f.add(58, doc.capitalisedMid.has(w) || doc.capitalisedMid.has(titleCase(l)) ? 'C' : 'c', pos);
        if (doc.history) {
          const h = historyValue(doc.history, tokens[from + i]!.text);
          if (h) addHistoryFeatures(f, h, s);
        }
      }
    }
    each(i, f);
  }
}

const titleCase = (l: string): string => (l ? l[0]!.toUpperCase() + l.slice(1) : l);
