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

  /** A view over arrays made by `arrays()` (e.g. posted by another thread). */
  static fromArrays(text: string, starts: Int32Array, ends: Int32Array, kinds: Uint8Array): TokenView {
    return new TokenView(text, starts, ends, kinds, null);
  }

  /** The view's arrays (made from the plain tokens when it reads those). */
  arrays(): { starts: Int32Array; ends: Int32Array; kinds: Uint8Array } {
    if (this.plain || !this.kinds) return TokenView.compact(this.text, this.plain ?? []).arrays();
    return { starts: this.starts, ends: this.ends, kinds: this.kinds };
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
 * tokens, equal to the originals) whenever `tokens` is read. An analysis `cloned` from another thread has its spans'
 * texts pointed at the document's text; one made in this thread has them so already (and an edited article's
 * re-analysis should not pay for a walk over all its records).
 */
export function compactAnalysis(text: string, analysis: DocumentAnalysis, cloned = false): DocumentAnalysis {
  if (views.has(analysis)) return analysis;
  if (cloned) shareTexts(text, analysis);
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

/**
 * Points each span's `text` at the same characters of the document's text (a string of 13 or more characters sliced from
 * another is a view of it): an analysis cloned from another thread has a copy of its own of every sentence, claim and
 * quotation, some 60 MB at 10,000 articles. The values do not change.
 */
function shareTexts(text: string, analysis: DocumentAnalysis): void {
  const share = (x: unknown): void => {
    if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return;
    const s = x as { start?: unknown; end?: unknown; text?: unknown };
    if (typeof s.text === 'string' && s.text.length >= 13 && typeof s.start === 'number' && typeof s.end === 'number' && s.end - s.start === s.text.length) {
      const slice = text.slice(s.start, s.end);
      if (slice === s.text) s.text = slice;
    }
  };
  for (const [k, list] of Object.entries(analysis)) {
    if (k === 'tokens' || !Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      share(item);
      if (typeof item === 'object' && item !== null) for (const v of Object.values(item)) share(v);
    }
  }
}

/** The tokens of an analysis to read by index, without making them all: the compact view when it has one. */
export function tokenView(text: string, analysis: DocumentAnalysis): TokenView {
  return views.get(analysis) ?? TokenView.over(text, analysis.tokens);
}

/**
 * A list of records (an analysis's entities, claims, attributions...) as columns, made back into equal objects when
 * read: integers, codes and flags in the analysis's two number pools, strings that are `text.slice(start, end)` of
 * their record not kept, other strings by a dictionary, nested spans as lists of their own. A field of a kind the
 * encoding does not know is kept as it is, so a field added to the analysis later survives. Plain data, cloned whole.
 */
export interface PackedList {
  readonly n: number;
  /** The key orders the records have, and which one each record has (null: all the first). */
  readonly shapes: readonly (readonly string[])[];
  readonly shapeOf: Uint8Array | null;
  readonly columns: Readonly<Record<string, PackedColumn>>;
}

/** Where a column's values are: `o` is an offset in the integer pool (the byte pool for flags). */
export type PackedColumn =
  | { readonly k: 'int'; readonly o: number }
  /** Integers or null (`nil`, a value none of them has). */
  | { readonly k: 'nint'; readonly o: number; readonly nil: number }
  | { readonly k: 'bool'; readonly o: number }
  /** The record's `text.slice(start, end)`. */
  | { readonly k: 'slice' }
  | { readonly k: 'str'; readonly o: number; readonly dict: readonly (string | null)[] }
  /** Lists of integers (or of strings by `dict`): record i's are the pool's `at[i]` to `at[i + 1]` after `o`. */
  | { readonly k: 'ints'; readonly at: number; readonly o: number; readonly dict?: readonly string[] }
  /** Nested records or nulls: record i's is `list`'s k-th, k the pool's value at `o + i` (-1: null). */
  | { readonly k: 'rec'; readonly o: number; readonly list: PackedList }
  | { readonly k: 'any'; readonly v: readonly unknown[] };

/** An analysis as packed data: its record lists as columns over two pools, its tokens in them too, the rest as it is. */
export interface PackedAnalysis {
  /** The analysis's keys in order. */
  readonly keys: readonly string[];
  readonly lists: Readonly<Record<string, PackedList>>;
  readonly rest: Readonly<Record<string, unknown>>;
  /** Token starts and ends in `ints` from `tokens`, their kinds in `bytes` from `tokenKinds`. */
  readonly tokens: number;
  readonly tokenKinds: number;
  readonly tokenCount: number;
  readonly ints: Int32Array;
  readonly bytes: Uint8Array;
}

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isInt32 = (x: unknown): x is number => typeof x === 'number' && (x | 0) === x && !Object.is(x, -0);
const NIL = -0x80000000;

/** One array per kind of number for a whole analysis: a typed array each costs some hundreds of bytes besides its data. */
class Pools {
  readonly ints: number[] = [];
  readonly bytes: number[] = [];
  /** Reserves `n` integers; returns their offset. */
  int(n: number): number {
    const o = this.ints.length;
    for (let i = 0; i < n; i++) this.ints.push(0);
    return o;
  }
}

function packColumn(text: string, rows: readonly Rec[], key: string, pools: Pools): PackedColumn {
  const n = rows.length;
  const present = rows.filter((r) => key in r);
  const values = present.map((r) => r[key]);
  const { ints } = pools;
  const fill = (value: (x: unknown) => number): number => {
    const o = pools.int(n);
    rows.forEach((r, i) => { if (key in r) ints[o + i] = value(r[key]); });
    return o;
  };
  if (values.every(isInt32)) return { k: 'int', o: fill((x) => x as number) };
  if (values.every((x) => x === null || (isInt32(x) && x !== NIL))) return { k: 'nint', o: fill((x) => (x === null ? NIL : x as number)), nil: NIL };
  if (values.every((x) => typeof x === 'boolean')) {
    const o = pools.bytes.length;
    for (const r of rows) pools.bytes.push(r[key] === true ? 1 : 0);
    return { k: 'bool', o };
  }
  if (values.every((x) => typeof x === 'string' || x === null)) {
    if (present.every((r) => isInt32(r.start) && isInt32(r.end) && r[key] === text.slice(r.start, r.end))) return { k: 'slice' };
    const codes = new Map<string | null, number>();
    const o = fill((s) => {
      let c = codes.get(s as string | null);
      if (c === undefined) codes.set(s as string | null, (c = codes.size));
      return c;
    });
    return { k: 'str', o, dict: [...codes.keys()] };
  }
  const strings = values.every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));
  if (strings || values.every((x) => Array.isArray(x) && x.every(isInt32))) {
    const at = pools.int(n + 1);
    const o = ints.length;
    const codes = new Map<string, number>();
    rows.forEach((r, i) => {
      ints[at + i] = ints.length - o;
      if (!(key in r)) return;
      for (const x of r[key] as (string | number)[]) {
        if (!strings) { ints.push(x as number); continue; }
        let c = codes.get(x as string);
        if (c === undefined) codes.set(x as string, (c = codes.size));
        ints.push(c);
      }
    });
    ints[at + n] = ints.length - o;
    return strings ? { k: 'ints', at, o, dict: [...codes.keys()] } : { k: 'ints', at, o };
  }
  if (values.every((x) => x === null || isRecord(x))) {
    const nested: Rec[] = [];
    const o = fill((x) => { if (x === null) return -1; nested.push(x as Rec); return nested.length - 1; });
    rows.forEach((r, i) => { if (!(key in r)) ints[o + i] = -1; });
    return { k: 'rec', o, list: packList(text, nested, pools) };
  }
  return { k: 'any', v: rows.map((r) => r[key]) };
}

function packList(text: string, rows: readonly Rec[], pools: Pools): PackedList {
  const shapeIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeOf = new Uint8Array(rows.length);
  const keys = new Set<string>();
  rows.forEach((r, i) => {
    const ks = Object.keys(r);
    const sig = ks.join('\0');
    let s = shapeIds.get(sig);
    if (s === undefined) { shapeIds.set(sig, (s = shapes.length)); shapes.push(ks); for (const k of ks) keys.add(k); }
    shapeOf[i] = s;
  });
  if (shapes.length > 255) throw new Error('too many record shapes to pack');
  const columns: Record<string, PackedColumn> = {};
  for (const k of keys) columns[k] = packColumn(text, rows, k, pools);
  return { n: rows.length, shapes, shapeOf: shapes.length > 1 ? shapeOf : null, columns };
}

/** The records of a packed list, made again. */
function unpackList(text: string, list: PackedList, ints: Int32Array, bytes: Uint8Array): Rec[] {
  const out: Rec[] = new Array<Rec>(list.n);
  const read = new Map(Object.entries(list.columns).map(([key, c]) => [key, reader(text, c, ints, bytes)] as const));
  const starts = list.columns.start, ends = list.columns.end;
  const so = starts?.k === 'int' ? starts.o : -1, eo = ends?.k === 'int' ? ends.o : -1;
  const byShape = list.shapes.map((ks) => ks.map((k) => [k, read.get(k)!] as const));
  for (let i = 0; i < list.n; i++) {
    const o: Rec = {};
    for (const [k, r] of byShape[list.shapeOf ? list.shapeOf[i]! : 0]!) o[k] = r === SLICE ? text.slice(ints[so + i], ints[eo + i]) : r(i);
    out[i] = o;
  }
  return out;
}

const SLICE = (): unknown => undefined;
function reader(text: string, c: PackedColumn, ints: Int32Array, bytes: Uint8Array): (i: number) => unknown {
  switch (c.k) {
    case 'int': { const o = c.o; return (i) => ints[o + i]; }
    case 'nint': { const { o, nil } = c; return (i) => (ints[o + i] === nil ? null : ints[o + i]); }
    case 'bool': { const o = c.o; return (i) => bytes[o + i] === 1; }
    case 'slice': return SLICE;
    case 'str': { const { o, dict } = c; return (i) => dict[ints[o + i]!]; }
    case 'ints': {
      const { at, o, dict } = c;
      return (i) => {
        const xs: (number | string)[] = [];
        for (let j = o + ints[at + i]!; j < o + ints[at + i + 1]!; j++) xs.push(dict ? dict[ints[j]!]! : ints[j]!);
        return xs;
      };
    }
    case 'rec': {
      const { o, list } = c;
      let made: Rec[] | null = null;
      return (i) => (ints[o + i]! < 0 ? null : (made ??= unpackList(text, list, ints, bytes))[ints[o + i]!]);
    }
    case 'any': { const v = c.v; return (i) => v[i]; }
  }
}

/** Packs an analysis of `text` (in the indexing worker, before posting it to the host: a few arrays clone fast). */
export function packAnalysis(text: string, analysis: DocumentAnalysis): PackedAnalysis {
  const pools = new Pools();
  const lists: Record<string, PackedList> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(analysis)) {
    if (k === 'tokens') continue;
    if (Array.isArray(v) && v.every(isRecord)) lists[k] = packList(text, v, pools);
    else rest[k] = v;
  }
  const { starts, ends, kinds } = (views.get(analysis) ?? TokenView.compact(text, analysis.tokens)).arrays();
  const tokens = pools.ints.length;
  for (const x of starts) pools.ints.push(x);
  for (const x of ends) pools.ints.push(x);
  const tokenKinds = pools.bytes.length;
  for (const x of kinds) pools.bytes.push(x);
  return { keys: Object.keys(analysis), lists, rest, tokens, tokenKinds, tokenCount: starts.length, ints: Int32Array.from(pools.ints), bytes: Uint8Array.from(pools.bytes) };
}

/** How many unpacked documents' lists are kept made (a view reads a document's lists again and again, in turn). */
const RECENT = 256;
const recent = new Map<object, Map<string, unknown[]>>();

/**
 * The analysis a packed one stands for, its lists made when read (and the last few documents' kept made): equal to the
 * analysis packed, JSON and key order included, in about half its memory. `tokenView` reads its tokens in place.
 */
export function unpackAnalysis(text: string, packed: PackedAnalysis): DocumentAnalysis {
  const { ints, bytes, tokens, tokenCount } = packed;
  const view = TokenView.fromArrays(text, ints.subarray(tokens, tokens + tokenCount), ints.subarray(tokens + tokenCount, tokens + 2 * tokenCount), bytes.subarray(packed.tokenKinds, packed.tokenKinds + tokenCount));
  const out: Rec = {};
  for (const k of packed.keys) {
    const list = packed.lists[k];
    if (k === 'tokens') Object.defineProperty(out, k, { get: () => view.slice(0, view.length), enumerable: true });
    else if (list) {
      Object.defineProperty(out, k, {
        enumerable: true,
        get: () => {
          let made = recent.get(out);
          if (made) { recent.delete(out); recent.set(out, made); } // the most recent last
          else {
            recent.set(out, (made = new Map()));
            if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
          }
          let rows = made.get(k);
          if (!rows) made.set(k, (rows = unpackList(text, list, ints, bytes)));
          return rows;
        },
      });
    } else out[k] = packed.rest[k];
  }
  const analysis = out as unknown as DocumentAnalysis;
  views.set(analysis, view);
  return analysis;
}
