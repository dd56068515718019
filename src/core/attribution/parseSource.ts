import type { Token } from '../types';
import { CUE_AUXILIARIES } from './lexicon';
import type { TokenView } from './view';
import { UNNAMED_HEADS } from './sourceKind';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const CAPITAL_START = /^\p{Lu}/u;

/** A token range `[first, end)`, e.g. the three tokens of "the White House". */
export interface TokenRange {
  readonly first: number;
  readonly end: number;
}

/** Words that end a noun phrase when scanning: clause openers, conjunctions, most prepositions. */
const BARRIERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'and', 'but', 'or', 'nor', 'while', 'whereas', 'as', 'because', 'since', 'when',
  'after', 'before', 'if', 'although', 'though', 'where', 'so', 'then', 'in', 'on', 'at', 'for', 'from', 'by', 'to', 'into',
  'about', 'over', 'under', 'without', 'during', 'amid', 'against', 'meanwhile', 'however', 'than', 'until', 'unless',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'not', 'also',
  'there', 'here', 'what', 'how', 'why', 'whether', 'yet', 'still', 'now', 'once', 'even', 'just', 'only', 'again',
  'this', 'week', 'last', 'next', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'ago', 'said', 'says', 'told',
  'with', 'of', 'up', 'out', 'off', 'down', 'through', 'after', 'reported', 'according', 'can', 'could', 'may', 'might',
  'should', 'must', 'it', 'himself', 'herself', 'themselves', 'very', 'too', 'all', 'both', 'either', 'neither',
  'like', 'unlike', 'despite', 'between', 'among', 'towards', 'toward', 'upon', 'via', 'per', 'including',
  'regarding', 'concerning', 'following', 'ahead', 'saying', 'adding', 'because', 'noting', 'calling',
]);
/** Relative pronouns that stand for their antecedent: "Rubio, who said …". */
export const RELATIVES = new Set(['who', 'which']);
/** Pronouns that stand for a source: "he said", "they told reporters". */
export const SOURCE_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
/** Post-modifiers that stay inside a source: "sources familiar with the issue", "a person close to the talks". */
const POSTMOD_HEADS = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'involved', 'speaking', 'aware']);
const POSTMOD_PREPS = new Set(['with', 'to', 'on', 'in', 'about', 'of']);
/** "spokesman for the ministry", "Secretary of State": "of"/"for" joins a title to what it heads. */
const JOINING = new Set(['of', 'for']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'on', 'in',
  'at', 'during', 'recently', 'previously', 'again', 'also', 'late', 'early', 'weekend', 'ago', 'days', 'day',
]);

const isWordish = (t: Token): boolean => t.kind === 'word' || t.kind === 'number' || t.kind === 'handle';
const isCap = (t: Token): boolean => CAPITAL_START.test(t.text);

/**
 * The noun phrase that ends just before `end` (exclusive), scanning left: "a senior Israeli source" in
 * "…, a senior Israeli source told", "Secretary of State Marco Rubio" in "Secretary of State Marco Rubio said".
 */
export function nounPhraseBefore(tokens: readonly Token[], view: TokenView, end: number, limit: number): TokenRange | null {
  if (end - 1 >= limit && (SOURCE_PRONOUNS.has(view.lower[end - 1]!) || RELATIVES.has(view.lower[end - 1]!))) return { first: end - 1, end };
  // "Rep. Gwen Moore (D-Wis.) said": the bracket stays with the name before it.
  let scanEnd = end;
  if (end - 1 >= limit && tokens[end - 1]!.text === ')') {
    for (let p = end - 2; p >= limit && end - p <= 10; p--) {
      if (tokens[p]!.text === '(') { scanEnd = p; break; }
    }
    if (scanEnd === end) return null;
  }
  let first = scanEnd;
  for (let k = scanEnd - 1; k >= limit && scanEnd - k <= 12; k--) {
    const t = tokens[k]!, w = view.lower[k]!;
    if (w === '’s' || w === "'s") { first = k; continue; }
    if (t.kind === 'punct' && (t.text === '-' || t.text === '.') && k > limit && first < scanEnd) { first = k; continue; }
    if (!isWordish(t)) break;
    if (BARRIERS.has(w)) {
      // "sources familiar with the issue": step over the post-modifier.
      if (POSTMOD_PREPS.has(w) && k - 1 >= limit && POSTMOD_HEADS.has(view.lower[k - 1]!) && first < scanEnd) { first = k; continue; }
      // "Residents in the town", "officials at the ministry": a person noun before the preposition heads the phrase.
      if (PP_PREPS.has(w) && first < scanEnd && k - 1 >= limit && UNNAMED_HEADS.has(view.lower[k - 1]!)) { first = k; continue; }
      // "Secretary of State Marco Rubio", "a spokesman for the ministry".
      if (JOINING.has(w) && first < scanEnd && k - 1 >= limit && isWordish(tokens[k - 1]!) && !BARRIERS.has(view.lower[k - 1]!)) { first = k; continue; }
      break;
    }
    first = k;
  }
  // Drop a dangling joiner: "of the ministry" without its head.
  while (first < scanEnd && (JOINING.has(view.lower[first]!) || POSTMOD_PREPS.has(view.lower[first]!) || tokens[first]!.kind === 'punct')) first++;
  return first < scanEnd ? { first, end } : null;
}

/**
 * The noun phrase that starts at `start`, scanning right up to punctuation or a clause opener:
 * "the White House" in "according to the White House, …", "Israeli sources familiar with the issue".
 */
export function nounPhraseAfter(tokens: readonly Token[], view: TokenView, start: number, limit: number): TokenRange | null {
  let end = start;
  for (let k = start; k < limit && k - start < 12; k++) {
    const t = tokens[k]!, w = view.lower[k]!;
    if (w === '’s' || w === "'s") { end = k + 1; continue; }
    if (!isWordish(t)) {
      if ((t.text === '-' || t.text === '.') && end > start && k + 1 < limit && isWordish(tokens[k + 1]!) && tokens[k + 1]!.start === t.end) { end = k + 1; continue; }
      // "Treasury Department (@USTreasury)": a bracketed handle stays with its name.
      break;
    }
    if (BARRIERS.has(w) && !(k === start && (w === 'this' || w === 'it'))) {
      if (POSTMOD_PREPS.has(w) && end > start && POSTMOD_HEADS.has(view.lower[k - 1]!)) { end = k + 1; continue; }
      if (JOINING.has(w) && end > start && k + 1 < limit && isWordish(tokens[k + 1]!)) { end = k + 1; continue; }
      break;
    }
    if (end > start && ((TIME_WORDS.has(w) && !isCap(t)) || (w.endsWith('ing') && !isCap(t)))) break;
    // "told Reuters the deal was close": a determiner after a name starts the next phrase.
    if (end > start && NEW_PHRASE.has(w) && isCap(tokens[end - 1]!)) break;
    end = k + 1;
  }
  while (end > start && (JOINING.has(view.lower[end - 1]!) || POSTMOD_PREPS.has(view.lower[end - 1]!))) end--;
  return end > start ? { first: start, end } : null;
}

const PP_PREPS = new Set(['in', 'at', 'from', 'on', 'inside', 'near']);
const NEW_PHRASE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'some', 'no']);

/** Skips auxiliaries and adverbs left of a cue: "officials have previously said" -> the index after "officials". */
export function skipAuxiliariesLeft(view: TokenView, tokens: readonly Token[], from: number, limit: number): number {
  let k = from;
  while (k > limit && from - k < 8) {
    const w = view.lower[k - 1]!;
    if (CUE_AUXILIARIES.has(w) || (w.endsWith('ly') && w.length > 4 && !isCap(tokens[k - 1]!))) k--;
    else break;
  }
  return k;
}

/** True for time words that may follow a cue before its content: "said Thursday", "told CNN on Friday". */
export const isTimeWord = (lower: string): boolean => TIME_WORDS.has(lower);
