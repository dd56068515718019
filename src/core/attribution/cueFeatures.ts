import type { Token } from '../types';
import { CUE_AUXILIARIES, CUE_FORMS } from './lexicon';
import { UNNAMED_HEADS } from './sourceKind';
import type { TokenView } from './view';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const CAPITAL_START = /^\p{Lu}/u;
const LETTER_START = /^\p{L}/u;

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'no', 'any', 'some', '’s', "'s"]);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'did', 'does', 'do', 'not', "n't", 'n’t', 'to', 'also', 'can', 'could', 'may', 'might']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

function shape(tok: Token | undefined, lower: string | undefined): string {
  if (!tok || lower === undefined) return 'none';
  if (tok.kind === 'punct') return /[“”"«»]|''/.test(tok.text) ? 'q' : tok.text;
  if (tok.kind === 'number') return 'num';
  if (PRONOUNS.has(lower)) return 'pron';
  if (DETERMINERS.has(lower)) return 'det';
  if (AUX.has(lower)) return 'aux';
  if (CAPITAL_START.test(tok.text)) return 'Cap';
  return 'low';
}

/** Where `writeCueFeatures` puts each feature: a template name and up to three parts, read as "name=a|b|c" ("b" alone). */
export interface CueFeatureSink {
  add(name: string, a?: string, b?: string, c?: string): void;
}

/** The feature's text form, as the model file stores it: `featureText("wps", "said", "Cap")` -> "wps=said|Cap". */
export function featureText(name: string, a?: string, b?: string, c?: string): string {
  if (a === undefined) return name;
  return name + '=' + a + (b === undefined ? '' : '|' + b) + (c === undefined ? '' : '|' + c);
}

/**
 * The features a cue candidate is judged on: its word, its neighbours and their shapes, whether it sits in a
 * quotation; `sq` is `sentenceQuoted` of the sentence (pass it in: it is the same for every candidate); e.g. "told" between "source" and "CNN" gives `w=told`, `p=source`, `ns=Cap`.
 */
export function cueFeatures(tokens: readonly Token[], view: TokenView, i: number, first: number, end: number, sq: string = sentenceQuoted(view, first, end)): string[] {
  const out: string[] = [];
  writeCueFeatures({ add: (name, a, b, c) => void out.push(featureText(name, a, b, c)) }, tokens, view, i, first, end, sq);
  return out;
}

/** `cueFeatures` without building the strings: each feature goes to `sink` in the same order (a scorer hashes them). */
export function writeCueFeatures(f: CueFeatureSink, tokens: readonly Token[], view: TokenView, i: number, first: number, end: number, sq: string): void {
  const l = view.lower;
  const w = l[i]!;
  const at = (k: number): string => (k >= first && k < end ? l[k]! : k < first ? '<s>' : '</s>');
  const sh = (k: number): string => (k >= first && k < end ? shape(tokens[k], l[k]) : k < first ? '<s>' : '</s>');
  const p = at(i - 1), p2 = at(i - 2), nx = at(i + 1), n2 = at(i + 2);
  const ps = sh(i - 1), ns = sh(i + 1), ns2 = sh(i + 2), ps2 = sh(i - 2);
  const lex = CUE_FORMS.get(w);
  const q = view.quoteOf[i]! >= 0 ? 'in' : 'out';
  const cap = i > first && CAPITAL_START.test(tokens[i]!.text) ? 'cap' : 'low';
  const fromEnd = end - i <= 3 ? 'end' : 'mid';
  const fromStart = i - first <= 1 ? 'start' : 'body';
  const suf = w.slice(-3);
  f.add('b'); f.add('w', w); f.add('p', p); f.add('n', nx); f.add('wp', w, p); f.add('wn', w, nx); f.add('p2', p2); f.add('n2', n2);
  f.add('ps', ps); f.add('ns', ns); f.add('wps', w, ps); f.add('wns', w, ns); f.add('wns2', w, ns, ns2);
  f.add('wps2', w, ps2, ps); f.add('q', q); f.add('wq', w, q); f.add('cap', cap); f.add('wcap', w, cap);
  f.add('end', fromEnd); f.add('wend', w, fromEnd); f.add('start', fromStart); f.add('wnn', w, nx, n2);
  f.add('suf', suf); f.add('sufps', suf, ps); f.add('sufns', suf, ns);
  if (lex) { f.add('lex', lex.stance); f.add('lexps', ps); f.add('lexns', ns); f.add('lexq', q); }
  // What stands left of the cue once auxiliaries and adverbs are skipped: a subject, a comma, a quote.
  let k = i - 1, aux = 'none';
  while (k >= first && i - k <= 6 && (CUE_AUXILIARIES.has(l[k]!) || (l[k]!.endsWith('ly') && l[k]!.length > 4))) { if (aux === 'none') aux = l[k]!; k--; }
  const left = k < first ? '<s>' : UNNAMED_HEADS.has(l[k]!) ? 'src' : shape(tokens[k], l[k]);
  const st = stem(w);
  f.add('st', st); f.add('left', left); f.add('wleft', w, left); f.add('stleft', st, left); f.add('aux', aux); f.add('waux', w, aux);
  let rthat = 'none';
  for (let r = i + 1; r < end && r <= i + 4; r++) {
    const x = l[r]!;
    if (x === 'that') { rthat = 'that'; break; }
    if (x === ':' ) { rthat = 'colon'; break; }
    if (tokens[r]!.kind === 'punct' && /[“"«]|''/.test(tokens[r]!.text)) { rthat = 'quote'; break; }
  }
  let lq = 'none';
  for (let r = i - 1; r >= first && r >= i - 4; r--) if (tokens[r]!.kind === 'punct' && /[”"»]|''/.test(tokens[r]!.text)) { lq = 'quote'; break; }
  f.add('r', rthat); f.add('wr', w, rthat); f.add('str', st, rthat); f.add('lq', lq); f.add('wlq', w, lq);
  // Generalising conjunctions: the stem and the verb form with the context, so "slammed" learns from "slams".
  const sfx = suffixClass(w);
  f.add('stps', st, ps); f.add('stns', st, ns); f.add('stq', st, q); f.add('sq', sq); f.add('wsq', w, sq); f.add('stsq', st, sq);
  f.add('sfx', sfx); f.add('sfxleft', sfx, left); f.add('sfxaux', sfx, aux); f.add('sfxr', sfx, rthat);
  f.add('leftr', left, rthat); f.add('wleftr', w, left, rthat); f.add('stleftr', st, left, rthat);
  f.add('sqleft', sq, left, q);
  // The subject-like word left of the cue, and the words around it as a bag (seven left, four right: what the memo keys on).
  // What the word takes: an infinitive, a wh-clause, a preposition ("wants to", "asked whether", "spoke of").
  const rc = complementClass(i + 1 < end ? l[i + 1]! : '</s>');
  f.add('rc', rc); f.add('strc', st, rc); f.add('sfxrc', sfx, rc, left); f.add('leftrc', left, rc);
  const lw = k < first ? '<s>' : l[k]!;
  f.add('lw', lw); f.add('stlw', st, lw);
  for (let r = i - 7; r <= i + 4; r++) if (r !== i && r >= first && r < end) f.add(r < i ? 'bl' : 'br', l[r]!);
}

/** A crude stem that folds the forms of one verb together: "claims", "claimed", "claiming" -> "claim". */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3).replace(/(.)\1$/, '$1');
  if (word.length > 4 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2).replace(/(.)\1$/, '$1');
  if (word.length > 3 && word.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word.replace(/e$/, '');
}

/** Whether the sentence `[first, end)` holds a quotation mark or quoted words: "in" or "out". */
export function sentenceQuoted(view: TokenView, first: number, end: number): string {
  for (let k = first; k < end; k++) if (view.quoteOf[k]! >= 0) return 'in';
  return 'out';
}

/** The inflection a word shows: "ed" (said is "irr"), "s", "ing", or "base". */
function suffixClass(w: string): string {
  if (w.endsWith('ing')) return 'ing';
  if (w.endsWith('ed')) return 'ed';
  if (w.endsWith('s') && !w.endsWith('ss')) return 's';
  return CUE_FORMS.get(w)?.lemma === w ? 'base' : 'other';
}

const WH = new Set(['whether', 'why', 'how', 'what', 'if', 'who', 'when', 'where', 'which']);
const PREPOSITIONS = new Set(['about', 'of', 'on', 'for', 'against', 'with', 'over', 'in', 'at', 'by', 'from', 'into', 'as']);

/** The kind of word after a candidate: "to", a wh-word, a preposition, a determiner, or its shape. */
function complementClass(next: string): string {
  if (next === 'to' || next === 'that') return next;
  if (WH.has(next)) return 'wh';
  if (PREPOSITIONS.has(next)) return 'prep';
  if (DETERMINERS.has(next)) return 'det';
  if (PRONOUNS.has(next) || next === 'him' || next === 'her' || next === 'them' || next === 'us' || next === 'me') return 'pron';
  if (next === '</s>') return 'end';
  if (LETTER_START.test(next)) return 'word';
  return 'punct';
}
