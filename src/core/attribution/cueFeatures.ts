import type { Token } from '../types';
import { CUE_AUXILIARIES, CUE_FORMS } from './lexicon';
import { UNNAMED_HEADS } from './sourceKind';
import type { TokenView } from './view';

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
  if (/^\p{Lu}/u.test(tok.text)) return 'Cap';
  return 'low';
}

/**
 * The features a cue candidate is judged on: its word, its neighbours and their shapes, whether it sits in a
 * quotation; `sq` is `sentenceQuoted` of the sentence (pass it in: it is the same for every candidate); e.g. "told" between "source" and "CNN" gives `w=told`, `p=source`, `ns=Cap`.
 */
export function cueFeatures(tokens: readonly Token[], view: TokenView, i: number, first: number, end: number, sq: string = sentenceQuoted(view, first, end)): string[] {
  const l = view.lower;
  const w = l[i]!;
  const at = (k: number): string => (k >= first && k < end ? l[k]! : k < first ? '<s>' : '</s>');
  const sh = (k: number): string => (k >= first && k < end ? shape(tokens[k], l[k]) : k < first ? '<s>' : '</s>');
  const p = at(i - 1), p2 = at(i - 2), nx = at(i + 1), n2 = at(i + 2);
  const ps = sh(i - 1), ns = sh(i + 1), ns2 = sh(i + 2), ps2 = sh(i - 2);
  const lex = CUE_FORMS.get(w);
  const q = view.quoteOf[i]! >= 0 ? 'in' : 'out';
  const cap = i > first && /^\p{Lu}/u.test(tokens[i]!.text) ? 'cap' : 'low';
  const fromEnd = end - i <= 3 ? 'end' : 'mid';
  const fromStart = i - first <= 1 ? 'start' : 'body';
  const f = [
    'b', 'w=' + w, 'p=' + p, 'n=' + nx, 'wp=' + w + '|' + p, 'wn=' + w + '|' + nx, 'p2=' + p2, 'n2=' + n2,
    'ps=' + ps, 'ns=' + ns, 'wps=' + w + '|' + ps, 'wns=' + w + '|' + ns, 'wns2=' + w + '|' + ns + '|' + ns2,
    'wps2=' + w + '|' + ps2 + '|' + ps, 'q=' + q, 'wq=' + w + '|' + q, 'cap=' + cap, 'wcap=' + w + '|' + cap,
    'end=' + fromEnd, 'wend=' + w + '|' + fromEnd, 'start=' + fromStart, 'wnn=' + w + '|' + nx + '|' + n2,
    'suf=' + w.slice(-3), 'sufps=' + w.slice(-3) + '|' + ps, 'sufns=' + w.slice(-3) + '|' + ns,
  ];
  if (lex) f.push('lex=' + lex.stance, 'lexps=' + ps, 'lexns=' + ns, 'lexq=' + q);
  // What stands left of the cue once auxiliaries and adverbs are skipped: a subject, a comma, a quote.
  let k = i - 1, aux = 'none';
  while (k >= first && i - k <= 6 && (CUE_AUXILIARIES.has(l[k]!) || (l[k]!.endsWith('ly') && l[k]!.length > 4))) { if (aux === 'none') aux = l[k]!; k--; }
  const left = k < first ? '<s>' : UNNAMED_HEADS.has(l[k]!) ? 'src' : shape(tokens[k], l[k]);
  const st = stem(w);
  f.push('st=' + st, 'left=' + left, 'wleft=' + w + '|' + left, 'stleft=' + st + '|' + left, 'aux=' + aux, 'waux=' + w + '|' + aux);
  let rthat = 'none';
  for (let r = i + 1; r < end && r <= i + 4; r++) {
    const x = l[r]!;
    if (x === 'that') { rthat = 'that'; break; }
    if (x === ':' ) { rthat = 'colon'; break; }
    if (tokens[r]!.kind === 'punct' && /[“"«]|''/.test(tokens[r]!.text)) { rthat = 'quote'; break; }
  }
  let lq = 'none';
  for (let r = i - 1; r >= first && r >= i - 4; r--) if (tokens[r]!.kind === 'punct' && /[”"»]|''/.test(tokens[r]!.text)) { lq = 'quote'; break; }
  f.push('r=' + rthat, 'wr=' + w + '|' + rthat, 'str=' + st + '|' + rthat, 'lq=' + lq, 'wlq=' + w + '|' + lq);
  // Generalising conjunctions: the stem and the verb form with the context, so "slammed" learns from "slams".
  const sfx = suffixClass(w);
  f.push(
    'stps=' + st + '|' + ps, 'stns=' + st + '|' + ns, 'stq=' + st + '|' + q, 'sq=' + sq, 'wsq=' + w + '|' + sq, 'stsq=' + st + '|' + sq,
    'sfx=' + sfx, 'sfxleft=' + sfx + '|' + left, 'sfxaux=' + sfx + '|' + aux, 'sfxr=' + sfx + '|' + rthat,
    'leftr=' + left + '|' + rthat, 'wleftr=' + w + '|' + left + '|' + rthat, 'stleftr=' + st + '|' + left + '|' + rthat,
    'sqleft=' + sq + '|' + left + '|' + q,
  );
  // The subject-like word left of the cue, and the words around it as a bag (seven left, four right: what the memo keys on).
  // What the word takes: an infinitive, a wh-clause, a preposition ("wants to", "asked whether", "spoke of").
  const rc = complementClass(i + 1 < end ? l[i + 1]! : '</s>');
  f.push('rc=' + rc, 'strc=' + st + '|' + rc, 'sfxrc=' + sfx + '|' + rc + '|' + left, 'leftrc=' + left + '|' + rc);
  const lw = k < first ? '<s>' : l[k]!;
  f.push('lw=' + lw, 'stlw=' + st + '|' + lw);
  for (let r = i - 7; r <= i + 4; r++) if (r !== i && r >= first && r < end) f.push((r < i ? 'bl=' : 'br=') + l[r]!);
  return f;
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
  if (/^\p{L}/u.test(next)) return 'word';
  return 'punct';
}
