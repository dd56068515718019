import type { DocumentAnalysis, Token } from '../types';

const KINDS: readonly Token['kind'][] = ['word', 'number', 'punct', 'symbol', 'url', 'handle'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

/**
 * A document's tokens as three typed arrays instead of an object and a string each (a 10,000-article workspace has
 * millions of tokens): `view.at(3)` -> `{start: 12, end: 17, text: "Syria", kind: "word"}`, made when asked for.
 * A token's text is always `text.slice(start, end)`, so it is not kept.
 */
export class TokenView {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly kinds: Uint8Array | null,
    /** The plain tokens when the view is only a reading of them (no copy). */
    private readonly plain: readonly Token[] | null,
  ) {}

  /** A compact copy of `tokens` (of `text`). */
  static compact(text: string, tokens: readonly Token[]): TokenView {
    const n = tokens.length;
    const starts = new Int32Array(n), ends = new Int32Array(n), kinds = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      starts[i] = t.start;
      ends[i] = t.end;
      kinds[i] = KIND_CODE.get(t.kind) ?? 0;
    }
    return new TokenView(text, starts, ends, kinds, null);
  }

  /** A view over plain tokens, read in place. */
  static over(text: string, tokens: readonly Token[]): TokenView {
    return new TokenView(text, EMPTY, EMPTY, null, tokens);
  }

  get length(): number {
    return this.plain ? this.plain.length : this.starts.length;
  }

  startOf(i: number): number {
    return this.plain ? this.plain[i]!.start : this.starts[i]!;
  }

  endOf(i: number): number {
    return this.plain ? this.plain[i]!.end : this.ends[i]!;
  }

  at(i: number): Token {
    if (this.plain) return this.plain[i]!;
    const start = this.starts[i]!, end = this.ends[i]!;
    return { start, end, text: this.text.slice(start, end), kind: KINDS[this.kinds![i]!]! };
  }

  /** Tokens `from` (inclusive) to `to` (exclusive). */
  slice(from: number, to: number): Token[] {
    if (this.plain) return this.plain.slice(from, to);
    const out: Token[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.at(i));
    return out;
  }

  /** The tokens that overlap `span` ("in the claim"), in order. */
  overlapping(span: { readonly start: number; readonly end: number }): Token[] {
    let lo = 0, hi = this.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.endOf(mid) <= span.start) lo = mid + 1; else hi = mid; }
    let to = lo;
    while (to < this.length && this.startOf(to) < span.end) to++;
    return this.slice(lo, to);
  }

  /** The first token whose start is at least `at`. */
  firstFrom(at: number): number {
    let lo = 0, hi = this.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.startOf(mid) < at) lo = mid + 1; else hi = mid; }
    return lo;
  }
}
const EMPTY = new Int32Array(0);

const views = new WeakMap<DocumentAnalysis, TokenView>();

/**
 * The analysis as a workspace keeps it: the same values, with its tokens held compactly and made again (as plain
 * tokens, equal to the originals) whenever `tokens` is read.
 */
export function compactAnalysis(text: string, analysis: DocumentAnalysis): DocumentAnalysis {
  if (views.has(analysis)) return analysis;
  const view = TokenView.compact(text, analysis.tokens);
  const { tokens: _tokens, ...rest } = analysis;
  const out = { title: rest.title, outlet: rest.outlet, published: rest.published } as DocumentAnalysis;
  // Same keys in the same order as an analysis fresh from `analyzeText`, `tokens` read through the view.
  Object.defineProperty(out, 'tokens', { get: () => view.slice(0, view.length), enumerable: true, configurable: false });
  Object.assign(out, { sentences: rest.sentences, entities: rest.entities, attributions: rest.attributions, hedges: rest.hedges, claims: rest.claims, warnings: rest.warnings });
  for (const k of Object.keys(rest)) if (!(k in out)) Object.assign(out, { [k]: (rest as Record<string, unknown>)[k] });
  views.set(out, view);
  return out;
}

/** The tokens of an analysis to read by index, without making them all: the compact view when it has one. */
export function tokenView(text: string, analysis: DocumentAnalysis): TokenView {
  return views.get(analysis) ?? TokenView.over(text, analysis.tokens);
}
