import type { TextContext } from '../text/context';
import type { Token } from '../types';

/** Per-token facts the detectors share, computed once per document: lower case, sentence, quotation (“We will,” he said). */
export interface TokenView {
  /** Lower-cased token texts, same indexes as `ctx.tokens`. */
  readonly lower: readonly string[];
  /** Index of the sentence each token belongs to. */
  readonly sentenceOf: Int32Array;
  /** Index of the quotation each token is inside (-1 outside); quotation marks themselves belong to it. */
  readonly quoteOf: Int32Array;
  /** Quotations as token ranges `[first, last]` inclusive of their marks; they may run over several paragraphs. */
  readonly quotes: readonly { readonly first: number; readonly last: number; readonly closed: boolean }[];
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
/** Marks that open or close by their place: '"' and the two apostrophes of "''It is,'' he said". */
const STRAIGHT = new Set(['"', "''"]);

/**
 * Builds the token view of a document, e.g. for `“We will,” he said` token "We" lies in quotation 0.
 * A quotation left open at the end of a paragraph continues when the next paragraph opens with a quote mark
 * (news reopens the mark each paragraph); otherwise it ends with its paragraph, so one stray mark never
 * swallows the rest of the document. A straight mark closes a quotation a straight mark opened even after a space
 * ("We will win, " he said), as typed copy pairs them.
 */
export function buildTokenView(ctx: TextContext): TokenView {
  const { tokens, text } = ctx;
  const n = tokens.length;
  const lower = lowerCased(tokens);
  const sentenceOf = new Int32Array(n).fill(-1);
  ctx.sentences.forEach((s, si) => { for (let i = s.firstToken; i < s.endToken; i++) sentenceOf[i] = si; });
  const quoteOf = new Int32Array(n).fill(-1);
  const quotes: { first: number; last: number; closed: boolean }[] = [];
  let open = -1;
  const finish = (last: number, closed: boolean): void => {
    quotes.push({ first: open, last, closed });
    for (let k = open; k <= last; k++) quoteOf[k] = quotes.length - 1;
    open = -1;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (i > 0 && open >= 0 && breaksParagraph(text, tokens[i - 1]!.end, t.start)) {
      // The quotation goes on only when this paragraph reopens it.
      if (!isOpeningMark(text, t.start, t.text)) finish(i - 1, false);
      else continue;
    }
    if (t.kind !== 'punct') continue;
    if (open < 0 && isOpeningMark(text, t.start, t.text)) open = i;
    else if (open >= 0 && (CLOSERS.has(t.text) || (STRAIGHT.has(t.text) && (!isOpeningMark(text, t.start, t.text) || STRAIGHT.has(tokens[open]!.text))))) finish(i, true);
  }
  if (open >= 0) finish(n - 1, false);
  return { lower, sentenceOf, quoteOf, quotes };
}

function isOpeningMark(text: string, at: number, mark: string): boolean {
  if (OPENERS.has(mark)) return true;
  if (!STRAIGHT.has(mark)) return false;
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  // A straight quote opens after a space, a line start or an opening bracket.
  return before === 32 || before === 10 || before === 13 || before === 9 || before === 40 || before === 91 || before === 0x2014 || before === 0x2013;
}

function breaksParagraph(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2029) return true;
  }
  return false;
}

const lowered = new WeakMap<readonly Token[], readonly string[]>();

/** The tokens' texts in lower case, made once per token list (the attribution view and the hedges both read them). */
export function lowerCased(tokens: readonly Token[]): readonly string[] {
  let lower = lowered.get(tokens);
  if (!lower) {
    lower = tokens.map((t) => t.text.toLowerCase());
    lowered.set(tokens, lower);
  }
  return lower;
}
