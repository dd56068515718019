import type { TextContext } from '../text/context';
import type { AnalysisOptions, Hedge, Token } from '../types';
import { HEDGE_TABLE, STYLE_WEASELS, type HedgeKind } from './lexicon';
import { lowerCased } from './view';

interface Node { readonly next: Map<string, Node>; kind?: HedgeKind }

function addPhrase(root: Node, phrase: string, kind: HedgeKind): void {
  const words = phrase.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (!words.length) return;
  let node = root;
  for (const w of words) {
    let child = node.next.get(w);
    if (!child) { child = { next: new Map() }; node.next.set(w, child); }
    node = child;
  }
  node.kind ??= kind;
}

function buildTrie(options: AnalysisOptions): Node {
  const root: Node = { next: new Map() };
  for (const [w, kind] of HEDGE_TABLE) addPhrase(root, w, kind);
  if (options.styleHedges) for (const w of STYLE_WEASELS) addPhrase(root, w, 'weasel');
  for (const w of options.extraHedges ?? []) addPhrase(root, w, 'attribution');
  return root;
}

let defaultTrie: Node | undefined;
const MONTH_CONTEXT = new Set(['in', 'on', 'since', 'until', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'from', 'through', 'till', 'during', 'before', 'after']);

/**
 * Finds hedges: "reportedly", "allegedly", "it is believed", "could", "expected to"; style weasels ("some say")
 * only when `options.styleHedges`; the user's `extraHedges` too. Whole words only: "mayor" is no "may".
 */
export function findHedges(ctx: TextContext, options: AnalysisOptions): Hedge[] {
  const custom = options.styleHedges || (options.extraHedges?.length ?? 0) > 0;
  const trie = custom ? buildTrie(options) : (defaultTrie ??= buildTrie({}));
  const { tokens, text } = ctx;
  const lower = lowerCased(tokens);
  const hedges: Hedge[] = [];
  for (const s of ctx.sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      let node: Node | undefined = trie, end = -1, kind: HedgeKind | undefined;
      for (let k = i; k < s.endToken && node; k++) {
        node = node.next.get(lower[k]!);
        if (node?.kind) { end = k + 1; kind = node.kind; }
      }
      if (end < 0 || !kind || !isHedgeUse(tokens, lower, i, end, s.firstToken)) continue;
      const start = tokens[i]!.start, stop = tokens[end - 1]!.end;
      hedges.push({ start, end: stop, text: text.slice(start, stop), kind });
      i = end - 1;
    }
  }
  return hedges;
}

/** Rules out uses that are not hedges: "May 15" the month, "as soon as possible", "could not" of ability. */
function isHedgeUse(tokens: readonly Token[], lower: readonly string[], i: number, end: number, first: number): boolean {
  const w = lower[i]!, prev = i > first ? lower[i - 1]! : '', next = end < tokens.length ? lower[end] ?? '' : '';
  if (w === 'may' && end === i + 1) {
    // The month: "May 15", "in May", "May 2025"; capitalised mid-sentence.
    if (tokens[i]!.text === 'May' && (i > first || tokens[end]?.kind === 'number')) return false;
    if (MONTH_CONTEXT.has(prev) && tokens[i]!.text === 'May') return false;
  }
  if (w === 'possible' && end === i + 1 && prev === 'as') return false;
  if (w === 'if' && end === i + 1 && (prev === 'as' || prev === 'even')) return false;
  if ((w === 'could' || w === 'can') && end === i + 1 && (next === 'not' || next === "n't" || next === 'n’t')) return false;
  return true;
}
