import { LazyMapView } from './mapView';
import type { AnalyzedDocument, Attribution, Claim, ClaimCluster, ClaimDifference, ClaimRef, EntityMention, TextSpan, Token } from '../types';
import { claimTerms, idf, normWord, SAME_THRESHOLD, scoreTerms, STOPWORDS, type ClaimTerms } from './similarity';
import { weekdayOf } from '../claims/dates';
import { countryOf, nameWords, personName } from './names';
import { memoize } from '../index/memo';
import { ScoreTable } from './scoreTable';

/** One claim prepared for alignment. */
interface Item {
  readonly doc: AnalyzedDocument;
  readonly claim: Claim;
  readonly terms: ClaimTerms;
  /** The whole claim, source and cue included, as `crosscheck match` sees a sentence. */
  readonly whole: ClaimTerms;
  /** What the source says, without who says it, when the attribution's content lies in the claim. */
  readonly content: ClaimTerms | null;
  /** Workspace entity ids named in the claim, distinct, in order. */
  readonly ids: readonly string[];
  /** The event frame of the claim's whole sentence, so that a clause ("killing 3 people") keeps its place and day. */
  readonly places: readonly string[];
  readonly people: readonly string[];
  readonly frameDates: readonly string[];
  readonly attribution: Attribution | null;
  /** The claim's name mentions (indexes into its document's entities) and, in step, their workspace entity ids. */
  readonly mentions: readonly number[];
  readonly mentionIds: readonly string[];
  /** Whether the claim's tokens (`tokensOf`) leave out its source and cue; they are taken again when needed, not kept. */
  readonly stripped: boolean;
  /** Where the claim stands in the current alignment, and in which alignment of a cache it was last seen. */
  index: number;
  round: number;
  /*
   * Remembered on the claim itself rather than in weak maps (a workspace has hundreds of thousands of claims, and weak
   * map entries cost the garbage collector more than fields): computed on first use.
   */
  keyIds: Int32Array | undefined;
  keyGeneration: number;
  withheld: boolean | undefined;
  negation: Negation | null | undefined;
  plain: ClaimTerms | undefined;
  countries: readonly string[] | undefined;
  /** The signature id under a cache's `signatures`, valid while `sigGeneration` is that cache's generation. */
  sig: number;
  sigGeneration: number;
  /** The claims of its cluster in reading order (itself included), or null, as of the last alignment it took part in. */
  cluster: readonly Item[] | null;
  /** This claim's scored edges to later claims, as of the last alignment of its cache it took part in. */
  edges: { readonly others: readonly Item[]; readonly scores: readonly number[] } | undefined;
}

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
/** How many candidate claims of other documents each claim is scored against, best-sharing first. */
const MAX_CANDIDATES = 25;
/** Index keys found in more claims than this are too common to find candidates with. */
const MAX_POSTING = 400;

/**
 * Aligns claims across documents into clusters: candidates come from an inverted index over entity ids and rare words
 * (cost grows with candidate pairs, not all pairs), each candidate pair is scored by the same model as `crosscheck match`,
 * and every cluster holds claims from at least two documents with its typed differences.
 */
export function alignClaims(docs: readonly AnalyzedDocument[], entityOf: ReadonlyMap<string, string>, cache?: AlignCache, idsByDoc?: ReadonlyMap<string, readonly (string | undefined)[]>): { clusters: ClaimCluster[]; clusterOf: ReadonlyMap<string, string> } {
  const items: Item[] = [];
  const seen = new Set<AnalyzedDocument>();
  for (const doc of docs) {
    // A document given twice gets claims of its own the second time, as without a cache.
    const fromMap = (i: number): string | undefined => entityOf.get(`${doc.id}#${i}`);
    if (!cache || seen.has(doc)) { for (const claim of doc.analysis.claims) items.push(prepare(doc, claim, fromMap)); continue; }
    seen.add(doc);
    // A document whose text and entity ids are unchanged keeps its prepared claims (and everything cached on them).
    // (`idsByDoc`, when given, holds what `entityOf` holds, by document: no keys to build and look up.)
    const given = idsByDoc?.get(doc.id);
    const ids = doc.analysis.entities.map((_, i) => (given ? given[i] : fromMap(i)) ?? '');
    let kept = cache.prepared.get(doc);
    if (!kept || kept.ids.length !== ids.length || kept.ids.some((id, i) => id !== ids[i])) {
      kept = { ids, items: doc.analysis.claims.map((claim) => prepare(doc, claim, (i) => ids[i] || undefined)) };
      cache.prepared.set(doc, kept);
    }
    items.push(...kept.items);
  }

  // Inverted index over entity ids and content words; keys in too many claims are not informative enough to block on.
  // Keys are small integers and the postings one flat array: claims with key k are post[start[k] .. start[k + 1]), ascending.
  const table = cache?.keys ?? new KeyTable();
  if (table.ids.size > MAX_KEYS) table.reset();
  const itemKeys = items.map((it) => keyIdsOf(it, table));
  const postings = postingsOf(itemKeys, table.ids.size);
  const { start, post } = postings;
  const weights = table.weights;
  const maxPosting = Math.min(MAX_POSTING, Math.max(40, Math.ceil(items.length * 0.05)));
  // Wire copies repeat claims word for word: each distinct pair of signatures is scored once (and, with a cache, once
  // for the life of the workspace).
  if (cache && (cache.signatures.size > MAX_SIGNATURES || cache.scores.size > MAX_SCORES)) cache.clear();
  const memo = cache?.scores ?? new ScoreTable();
  const signatures = cache?.signatures ?? new Map<string, number>();
  const signature = items.map((it) => {
    // With a cache the id is kept on the claim, not its (long) signature string.
    if (cache && it.sigGeneration === cache.generation) return it.sig;
    const sig = signatureOf(it);
    let id = signatures.get(sig);
    if (id === undefined) { id = signatures.size; signatures.set(sig, id); }
    if (cache) { it.sig = id; it.sigGeneration = cache.generation; }
    return id;
  });
  // Which document each claim is from, as small numbers the loop below compares without touching the claims.
  const docNo = new Int32Array(items.length);
  const docNos = new Map<AnalyzedDocument, number>();
  items.forEach((it, i) => { let d = docNos.get(it.doc); if (d === undefined) docNos.set(it.doc, (d = docNos.size)); docNo[i] = d; });
  // How much each other claim shares with claim i, in the order first met (keys in order, postings ascending).
  const acc = new Float64Array(items.length);
  const touched: number[] = [];
  let pick = new Int32Array(256), amount = new Float64Array(256);
  /** The edges of claim i: its best-sharing candidates after it, scored, those at the threshold or above. */
  const edgesOf = (i: number): [number, number][] => {
    const it = items[i]!;
    const mine = docNo[i]!;
    touched.length = 0;
    for (const k of itemKeys[i]!) {
      const from = start[k]!, to = start[k + 1]!;
      if (to - from > maxPosting) continue;
      const w = weights[k]!;
      // Postings ascend: only the claims after i are i's to score.
      let lo = from, hi = to;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (post[mid]! <= i) lo = mid + 1; else hi = mid; }
      for (let p = lo; p < to; p++) {
        const j = post[p]!;
        if (docNo[j] === mine) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] = acc[j]! + w;
      }
    }
    // Those sharing enough, in the order first met, with how much they share.
    let count = 0;
    if (pick.length < touched.length) { pick = new Int32Array(touched.length * 2); amount = new Float64Array(touched.length * 2); }
    for (const j of touched) { if (acc[j]! >= 2) { pick[count] = j; amount[count++] = acc[j]!; } acc[j] = 0; }
    // Only the best-sharing candidates are scored (ties in the order first met): cost stays linear in the number of claims.
    const order = Array.from({ length: count }, (_, x) => x).sort((x, y) => amount[y]! - amount[x]! || x - y);
    const out: [number, number][] = [];
    for (let c = 0; c < Math.min(count, MAX_CANDIDATES); c++) {
      const j = pick[order[c]!]!;
      const other = items[j]!;
      const key = signature[i]! * SIGNATURE_SPACE + signature[j]!;
      let score = memo.get(key);
      if (score === undefined) { score = decide(it, other, SAME_THRESHOLD); memo.set(key, score); }
      if (score >= SAME_THRESHOLD) out.push([j, score]);
    }
    return out;
  };
  const removed: Item[] = [];
  const dirty = cache ? changedSince(cache, items, itemKeys, postings, maxPosting, removed) : null;
  if (!cache) items.forEach((it, i) => { it.index = i; });
  // Claims whose component of the edge graph may not be the one of the last alignment: their clusters are found again.
  const changed = dirty ? Uint8Array.from(dirty) : null;
  const round = cache?.round ?? -1;
  for (const r of removed) if (r.edges) for (const o of r.edges.others) if (o.round === round) changed![o.index] = 1;
  let edgeCount = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    // A claim that shares no index key with a changed claim keeps its edges: its candidates are the same claims.
    if (cache && dirty && !dirty[i] && it.edges) { edgeCount += it.edges.others.length; continue; }
    // The claims it linked to before may now be in other components.
    if (cache && it.edges) for (const o of it.edges.others) if (o.round === round) changed![o.index] = 1;
    const found = edgesOf(i);
    it.edges = found.length ? { others: found.map(([j]) => items[j]!), scores: found.map(([, score]) => score) } : NO_EDGES;
    edgeCount += found.length;
  }
  // Edges as parallel arrays (a workspace of thousands of wire copies has millions): a < b, scored.
  const ea = new Int32Array(edgeCount), eb = new Int32Array(edgeCount), es = new Float64Array(edgeCount);
  let e = 0;
  for (let i = 0; i < items.length; i++) {
    const { others, scores } = items[i]!.edges!;
    for (let k = 0; k < others.length; k++, e++) { ea[e] = i; eb[e] = others[k]!.index; es[e] = scores[k]!; }
  }
  clusterComponents(items, ea, eb, es, changed);
  const clusters: ClaimCluster[] = [];
  const byDoc = new Map<string, Map<string, string>>();
  const keptClusters = new Map<Item, { readonly claims: readonly Item[]; readonly cluster: ClaimCluster }>();
  // Reading order: clusters by their first claim.
  for (const first of items) {
    const claimsIn = first.cluster;
    if (!claimsIn || claimsIn[0] !== first) continue;
    if (!claimsIn.some((c) => c.doc.id !== first.doc.id)) continue;
    const id = `k${clusters.length}`;
    // A cluster of the very same claims as last time keeps its differences (they read nothing but its claims), and
    // under the same id is the same value altogether.
    const before = cache?.clusters.get(claimsIn[0]!);
    const same = !!before && before.claims.length === claimsIn.length && before.claims.every((c, k) => c === claimsIn[k]);
    let cluster: ClaimCluster;
    if (same && before.cluster.id === id) cluster = before.cluster;
    else {
      const differences = same ? before.cluster.differences : differencesOf(claimsIn);
      const relation = differences.some((d) => d.kind === 'contradiction') ? 'contradiction' : differences.length ? 'discrepancy' : 'agree';
      cluster = { id, claims: claimsIn.map((c) => ({ doc: c.doc.id, claim: c.claim.id })), relation, differences };
    }
    if (cache) keptClusters.set(claimsIn[0]!, same && before.cluster === cluster ? before : { claims: claimsIn, cluster });
    for (const r of cluster.claims) (byDoc.get(r.doc) ?? byDoc.set(r.doc, new Map()).get(r.doc)!).set(r.claim, id);
    clusters.push(cluster);
  }
  if (cache) cache.clusters = keptClusters;
  return { clusters, clusterOf: new ClusterOf(clusters, byDoc) };
}

/**
 * `doc#claim` -> cluster id, read from per-document maps keyed by the claims' own ids, so that no key string is built
 * per clustered claim: `clusterOf.get("a.txt#c3")` -> "k7". Iterating it builds the map once, in cluster order.
 */
class ClusterOf extends LazyMapView {
  constructor(private readonly clusters: readonly ClaimCluster[], private readonly byDoc: ReadonlyMap<string, ReadonlyMap<string, string>>) { super(); }

  get(key: string): string | undefined {
    if (this.built) return this.built.get(key);
    // Ids with "#" in them could be cut in more than one place: then the plain map answers.
    const cut = key.lastIndexOf('#');
    if (cut < 0) return undefined;
    if (key.indexOf('#') !== cut) return this.all().get(key);
    return this.byDoc.get(key.slice(0, cut))?.get(key.slice(cut + 1));
  }


  protected build(): Map<string, string> {
    const map = new Map<string, string>();
      for (const c of this.clusters) for (const r of c.claims) map.set(`${r.doc}#${r.claim}`, c.id);
    return map;
  }
}

/** The typed differences of every two claims of a cluster from different documents, in member order. */
function differencesOf(members: readonly Item[]): ClaimDifference[] {
  const out: ClaimDifference[] = [];
  const named = new Map<Item, Map<string, Named>>();
  for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
    const a = members[x]!, b = members[y]!;
    if (a.doc !== b.doc) for (const d of compare(a, b, named)) out.push(d);
  }
  return out;
}

/** The distinct index keys of a claim, in order: its content words and entity ids, and whom a refusal speaks for. */
function keysOf(it: Item): readonly string[] {
  const all = [...it.terms.content];
  // Refusals to comment are found by whom they speak for: "Syrian officials" ~ "Damascus".
  if (withholds(it)) { const c = sourceCountry(it); if (c) all.push(`silent:${c}`, `silent:${c}`); }
  return [...new Set(all)];
}

/** Index keys as small integers, with their weights; starts again past `MAX_KEYS` (claims then take their ids again). */
class KeyTable {
  ids = new Map<string, number>();
  weights: number[] = [];
  generation = 0;
  reset(): void {
    this.ids = new Map();
    this.weights = [];
    this.generation++;
  }
}
const MAX_KEYS = 2_000_000;

/** The claim's index keys (`keysOf`) as ids of `table`, kept on the claim while the table lasts. */
function keyIdsOf(it: Item, table: KeyTable): Int32Array {
  if (it.keyIds && it.keyGeneration === table.generation) return it.keyIds;
  const keys = keysOf(it);
  const ids = new Int32Array(keys.length);
  keys.forEach((k, n) => {
    let id = table.ids.get(k);
    if (id === undefined) { id = table.ids.size; table.ids.set(k, id); table.weights.push(keyWeight(k)); }
    ids[n] = id;
  });
  it.keyIds = ids;
  it.keyGeneration = table.generation;
  return ids;
}

interface Postings { readonly start: Int32Array; readonly post: Int32Array }
/** Counting sort of claims by key: `post[start[k] .. start[k + 1])` are the claims with key k, ascending. */
function postingsOf(itemKeys: readonly Int32Array[], keyCount: number): Postings {
  const start = new Int32Array(keyCount + 1);
  for (const ks of itemKeys) for (const k of ks) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const post = new Int32Array(start[keyCount]!);
  const next = start.slice(0, keyCount);
  itemKeys.forEach((ks, i) => { for (const k of ks) post[next[k]!++] = i; });
  return { start, post };
}

/** How much sharing an index key counts: an entity or a refusal's country 2, a rare word 1.5, another word 1. */
const keyWeight = memoize(200_000, (k: string): number => (/^e\d+$/.test(k) || k.startsWith('silent:') ? 2 : idf(k) > 4 ? 1.5 : 1));

const NO_EDGES = { others: [], scores: [] } as const;

/** Signature ids stay below this, so that a pair of them is one exact number key. */
const SIGNATURE_SPACE = 2 ** 26;
const MAX_SIGNATURES = 2_000_000;
/** Scored pairs kept between cross-references; beyond this the memo starts again (memory stays bounded). */
const MAX_SCORES = 4_000_000;

/**
 * What a workspace keeps between two alignments, so that after an edit only the changed document's claims are prepared
 * again and only pairs never seen before are scored: `alignClaims(docs, entityOf, cache)` equals `alignClaims(docs, entityOf)`.
 */
export class AlignCache {
  /** Prepared claims per document, with the entity ids they were prepared under. */
  readonly prepared = new WeakMap<AnalyzedDocument, { readonly ids: readonly string[]; readonly items: readonly Item[] }>();
  readonly signatures = new Map<string, number>();
  /** `signature(a) * SIGNATURE_SPACE + signature(b)` -> score. */
  readonly scores = new ScoreTable(1 << 16);
  /** The clusters of the last alignment by their first claim, with their differences. */
  clusters = new Map<Item, { readonly claims: readonly Item[]; readonly cluster: ClaimCluster }>();
  /** Index keys as ids. */
  readonly keys = new KeyTable();
  /** Bumped when `signatures` starts again: a claim's remembered signature id is valid under one generation. */
  generation = 0;
  /** The claims of the last alignment, in order, its posting limit, and a counter of alignments. */
  last: readonly Item[] = [];
  lastMaxPosting = -1;
  round = 0;
  clear(): void {
    this.signatures.clear();
    this.scores.clear();
    this.generation++;
  }
}

/** Everything the pair decision reads of a claim, as one string: two claims with one signature score alike. */
function signatureOf(it: Item): string {
  const att = it.attribution;
  return [it.whole.seq.join(' '), it.terms.seq.join(' '), it.content?.seq.join(' ') ?? '', it.claim.dates.join(' '), it.claim.numbers.join(' '), it.places.join(' '), it.people.join(' '), it.frameDates.join(' '), att?.stance ?? '', att?.sourceKind ?? '', att?.source?.text ?? ''].join('\u0001');
}

/**
 * Which claims must find their candidates again since the cache's last alignment (1 = must): the claims not seen then,
 * and every claim that shares an index key with a claim added or removed since, when that key was or is informative
 * enough to block on. Everything when the posting limit changed or the surviving claims changed order.
 * Numbers every claim (`index`) as a side effect.
 */
function changedSince(cache: AlignCache, items: readonly Item[], itemKeys: readonly Int32Array[], postings: Postings, maxPosting: number, removed: Item[]): Uint8Array {
  const round = ++cache.round;
  const dirty = new Uint8Array(items.length);
  let everything = maxPosting !== cache.lastMaxPosting;
  const plus = new Map<number, number>(), minus = new Map<number, number>();
  // A claim's candidates are claims after it, so a claim added or removed changes the candidates of the claims before
  // it only: per key, the claims before `bound` (exclusive) must look again.
  const bound = new Map<number, number>();
  const reach = (k: number, at: number): void => { if ((bound.get(k) ?? -1) < at) bound.set(k, at); };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.round === round) everything = true; // one document given twice: no shortcuts
    if (it.round !== round - 1) { dirty[i] = 1; for (const k of itemKeys[i]!) { plus.set(k, (plus.get(k) ?? 0) + 1); reach(k, i); } }
    it.round = round;
    it.index = i;
  }
  let lastIndex = -1;
  for (const it of cache.last) {
    // A removed claim stood after the surviving claims met before it: those up to `lastIndex`.
    if (it.round !== round) {
      removed.push(it);
      // Its key ids are of an older table when the table started again: then no shortcuts.
      if (!it.keyIds || it.keyGeneration !== cache.keys.generation) { everything = true; continue; }
      for (const k of it.keyIds) { minus.set(k, (minus.get(k) ?? 0) + 1); reach(k, lastIndex + 1); }
      continue;
    }
    if (it.index < lastIndex) everything = true;
    lastIndex = it.index;
  }
  cache.last = items;
  cache.lastMaxPosting = maxPosting;
  if (everything) return dirty.fill(1);
  const touch = (k: number): void => {
    const list = k + 1 < postings.start.length ? postings.post.subarray(postings.start[k]!, postings.start[k + 1]!) : new Int32Array(0);
    const before = list.length - (plus.get(k) ?? 0) + (minus.get(k) ?? 0);
    if (list.length > maxPosting && before > maxPosting) return;
    // A key that crosses the posting limit is read by every claim that has it, or by none any more.
    if ((list.length > maxPosting) !== (before > maxPosting)) { for (const j of list) dirty[j] = 1; return; }
    const end = bound.get(k) ?? 0;
    for (const j of list) { if (j >= end) break; dirty[j] = 1; }
  };
  for (const k of plus.keys()) touch(k);
  for (const k of minus.keys()) if (!plus.has(k)) touch(k);
  return dirty;
}

/**
 * Clusters the claims along the scored edges (`a < b`, parallel arrays): best edges first (ties in the order given), a
 * claim joins a cluster only if the cluster has no other claim of its document that it does not match. A cluster never
 * reaches beyond a connected component of the edges, so each component is clustered on its own, and with `changed`
 * (the claims whose component may differ from last time) only the components holding such a claim are clustered
 * again; the others keep their claims' `cluster`.
 */
function clusterComponents(items: readonly Item[], ea: Int32Array, eb: Int32Array, es: Float64Array, changed: Uint8Array | null): void {
  const n = items.length, m = ea.length;
  if (changed) { for (let i = 0; i < n; i++) if (changed[i]) items[i]!.cluster = null; } else for (const it of items) it.cluster = null;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  for (let k = 0; k < m; k++) { const a = find(ea[k]!), b = find(eb[k]!); if (a !== b) parent[b] = a; }
  // Edges grouped by component, each group in edge order.
  const comp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let k = 0; k < m; k++) { const r = find(ea[k]!); if (comp[r]! < 0) { comp[r] = sizes.length; sizes.push(0); } sizes[comp[r]!]!++; }
  const start = new Int32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++) start[c + 1] = start[c]! + sizes[c]!;
  const fill = start.slice(0, sizes.length);
  const byComp = new Int32Array(m);
  for (let k = 0; k < m; k++) byComp[fill[comp[find(ea[k]!)]!]!++] = k;
  const redo = new Uint8Array(sizes.length);
  for (let k = 0; k < m; k++) if (!changed || changed[ea[k]!] || changed[eb[k]!]) redo[comp[find(ea[k]!)]!] = 1;
  const clusterOfItem = new Int32Array(n).fill(-1);
  for (let c = 0; c < sizes.length; c++) {
    if (!redo[c]) continue;
    const edges = byComp.subarray(start[c]!, start[c + 1]!).slice();
    for (const k of edges) { items[ea[k]!]!.cluster = null; items[eb[k]!]!.cluster = null; }
    const keys = Float64Array.from(edges, (k) => ea[k]! * n + eb[k]!).sort();
    const linked = (a: number, b: number): boolean => {
      const key = a < b ? a * n + b : b * n + a;
      let lo = 0, hi = keys.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid]! < key) lo = mid + 1; else hi = mid; }
      return lo < keys.length && keys[lo] === key;
    };
    byScore(edges, es);
    const clusterItems: number[][] = [];
    for (const k of edges) {
      const a = ea[k]!, b = eb[k]!;
      const ca = clusterOfItem[a]!, cb = clusterOfItem[b]!;
      if (ca < 0 && cb < 0) {
        clusterOfItem[a] = clusterItems.length; clusterOfItem[b] = clusterItems.length;
        clusterItems.push([a, b]);
      } else if (ca >= 0 && cb < 0) {
        if (fits(clusterItems[ca]!, b, items, linked)) { clusterItems[ca]!.push(b); clusterOfItem[b] = ca; }
      } else if (cb >= 0 && ca < 0) {
        if (fits(clusterItems[cb]!, a, items, linked)) { clusterItems[cb]!.push(a); clusterOfItem[a] = cb; }
      }
    }
    for (const members of clusterItems) {
      const claims = members.sort((x, y) => x - y).map((i) => items[i]!);
      for (const it of claims) it.cluster = claims;
    }
  }
}

/**
 * Orders edge numbers (ascending on entry) by score, best first, ties in the order given: as
 * `edges.sort((x, y) => es[y] - es[x] || x - y)`, but as one numeric sort of (rank of the score, place) packed exactly
 * into a double, which a large component needs (a comparator sort of a million edges takes seconds).
 */
function byScore(edges: Int32Array, es: Float64Array): void {
  const m = edges.length;
  if (m < 2) return;
  if (m >= 2 ** 21) { edges.sort((x, y) => es[y]! - es[x]! || x - y); return; }
  const distinct = Float64Array.from(edges, (k) => es[k]!).sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (i === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i]!;
  const packed = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const s = es[edges[p]!]!;
    let lo = 0, hi = u;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (distinct[mid]! < s) lo = mid + 1; else hi = mid; }
    packed[p] = (u - 1 - lo) * 2 ** 21 + p; // higher score, smaller rank; then the place
  }
  packed.sort();
  const copy = edges.slice();
  for (let p = 0; p < m; p++) edges[p] = copy[packed[p]! % 2 ** 21]!;
}

/** A claim may join a cluster when each member from another document is linked to it, or the cluster is small and it matches one. */
function fits(members: readonly number[], candidate: number, items: readonly Item[], linked: (a: number, b: number) => boolean): boolean {
  const doc = items[candidate]!.doc;
  const others = members.filter((m) => items[m]!.doc !== doc);
  if (!others.length) return false;
  const hits = others.filter((m) => linked(m, candidate)).length;
  return hits * 2 >= others.length;
}

/** A claim's tokens without its dates, and without its source and cue too (`stripped`), as `prepare` chooses between them. */
function claimTokens(doc: AnalyzedDocument, claim: Claim, attribution: Attribution | null): { all: Token[]; stripped: Token[]; skips: boolean } {
  const a = doc.analysis;
  const skip: TextSpan[] = [];
  if (attribution) {
    if (attribution.cue) skip.push(attribution.cue);
    if (attribution.source && attribution.content && !(attribution.content.start <= attribution.source.start && attribution.content.end >= attribution.source.end)) skip.push(attribution.source);
    if (attribution.relayedTo) skip.push(attribution.relayedTo);
  }
  // Dates are compared as dates (a typed difference), not as words: "earlier today" vs "Thursday" is not other content.
  const dateSpans: EntityMention[] = [];
  for (let i = Math.max(0, lowerBound(a.entities, claim.start, (e) => e.start) - 1); i < a.entities.length && a.entities[i]!.start < claim.end; i++) {
    const e = a.entities[i]!;
    if ((e.type === 'DATE' || e.type === 'TIME') && e.end > claim.start) dateSpans.push(e);
  }
  const all = tokensIn(a.tokens, claim).filter((t) => !dateSpans.some((d) => d.start <= t.start && d.end >= t.end));
  const stripped = skip.length ? all.filter((t) => !skip.some((s) => s.start <= t.start && s.end >= t.end)) : all;
  return { all, stripped, skips: skip.length > 0 };
}

/** The claim's tokens minus its source and cue (when `prepare` left them out), for spans and negation scope. */
function tokensOf(it: Item): Token[] {
  const t = claimTokens(it.doc, it.claim, it.attribution);
  return it.stripped ? t.stripped : t.all;
}

function prepare(doc: AnalyzedDocument, claim: Claim, idAt: (mention: number) => string | undefined): Item {
  const a = doc.analysis;
  const attribution = claim.attribution === null ? null : a.attributions[claim.attribution] ?? null;
  const { all, stripped, skips } = claimTokens(doc, claim, attribution);
  // "Syrian officials have not commented on the meeting": when the source is most of the claim, keep it.
  const tokens = skips && claimTerms('', undefined, stripped).content.size >= 3 ? stripped : all;
  const mentions: number[] = [], mentionIds: string[] = [];
  const ids: string[] = [], places: string[] = [], people: string[] = [];
  for (const i of claim.entities) {
    const m = a.entities[i];
    const id = idAt(i);
    if (!m || !id) continue;
    mentions.push(i);
    mentionIds.push(id);
    if (!ids.includes(id)) ids.push(id);
  }
  const ctx = docContext(doc);
  const sentence = a.sentences[lowerBound(a.sentences, claim.start, (x) => x.end - 1)] ?? claim;
  for (let i = lowerBound(a.entities, sentence.start, (m) => m.start); i < a.entities.length && a.entities[i]!.start < sentence.end; i++) {
    const m = a.entities[i]!;
    const id = idAt(i);
    if (id && PLACE_TYPES.has(m.type) && !places.includes(id)) places.push(id);
    if (id && m.type === 'PERSON' && !people.includes(id)) people.push(id);
  }
  const frameDates = ctx.datesOfSentence.get(sentence.start) ?? claim.dates;
  const keyAt = (t: Token): string | null => {
    for (let k = 0; k < mentions.length; k++) { const m = a.entities[mentions[k]!]!; if (m.start <= t.start && m.end >= t.end) return mentionIds[k]!; }
    return null;
  };
  const terms = shared(claimTerms('', keyAt, tokens));
  const whole = tokens === all ? terms : shared(claimTerms('', keyAt, all));
  let content: ClaimTerms | null = null;
  const c = attribution?.content;
  if (c && c.start >= claim.start - 1 && c.end <= claim.end + 1) {
    const inContent = all.filter((t) => t.start >= c.start && t.end <= c.end);
    const ct = shared(claimTerms('', keyAt, inContent));
    if (ct.content.size >= 3 && inContent.length < tokens.length) content = ct;
  }
  return {
    doc, claim, terms, whole, content, ids: compact(ids), places: compact(places), people: compact(people), frameDates, attribution,
    mentions: compact(mentions), mentionIds: compact(mentionIds), stripped: tokens !== all, index: -1, round: -1,
    keyIds: undefined, keyGeneration: -1, withheld: undefined, negation: undefined, plain: undefined, countries: undefined, sig: -1, sigGeneration: -1, cluster: null, edges: undefined,
  };
}

const EMPTY: readonly never[] = [];
/** A list kept for the life of a claim, without the spare room `push` left in it (a workspace keeps millions). */
function compact<T>(xs: T[]): readonly T[] {
  return xs.length ? xs.slice() : EMPTY;
}

const sharedTerms = new Map<string, ClaimTerms>();
/**
 * One object for equal prepared terms: wire copies repeat most claims word for word, and sharing their terms shares
 * everything computed from them (sets, n-grams, idf masses). Terms are values, never modified.
 */
function shared(t: ClaimTerms): ClaimTerms {
  const key = JSON.stringify([t.seq, [...t.content], [...t.names], [...t.numbers], t.negated]);
  const hit = sharedTerms.get(key);
  if (hit) return hit;
  if (sharedTerms.size >= 200_000) sharedTerms.clear();
  sharedTerms.set(key, t);
  return t;
}

/** First index whose key is at least `at` in a list sorted by that key (sentences by end, entities by start). */
function lowerBound<T>(xs: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(xs[mid]!) < at) lo = mid + 1; else hi = mid; }
  return lo;
}

interface DocContext { readonly datesOfSentence: ReadonlyMap<number, readonly string[]> }
const docContexts = new WeakMap<AnalyzedDocument, DocContext>();
/** Per-document lookups built once, so preparing every claim stays linear in the document's size. */
function docContext(doc: AnalyzedDocument): DocContext {
  let ctx = docContexts.get(doc);
  if (!ctx) {
    const a = doc.analysis;
    const datesOfSentence = new Map<number, string[]>();
    for (const c of a.claims) {
      const s = a.sentences[lowerBound(a.sentences, c.start, (x) => x.end - 1)];
      if (!s) continue;
      const list = datesOfSentence.get(s.start) ?? datesOfSentence.set(s.start, []).get(s.start)!;
      for (const d of c.dates) if (!list.includes(d)) list.push(d);
    }
    for (const [k, v] of datesOfSentence) datesOfSentence.set(k, v.slice());
    ctx = { datesOfSentence };
    docContexts.set(doc, ctx);
  }
  return ctx;
}

function tokensIn(tokens: readonly Token[], span: TextSpan): Token[] {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.end <= span.start) lo = mid + 1; else hi = mid; }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < span.end; i++) out.push(tokens[i]!);
  return out;
}

/** The shared score, vetoed for look-alike events: two earthquakes are one claim only if places, dates and people agree. */
/** True when the claim withholds comment rather than asserting: "officials have not commented", "no word from Damascus". */
function withholds(it: Item): boolean {
  let w = it.withheld;
  if (w === undefined) { w = findWithholding(it); it.withheld = w; }
  return w;
}

function findWithholding(it: Item): boolean {
  if (it.attribution?.stance === 'no-comment') return true;
  const toks = tokensOf(it);
  for (let i = 0; i < toks.length; i++) {
    if (REFUSAL.test(toks[i]!.text) && toks.slice(i + 1, i + 9).some((x) => /^(?:comment|say|discuss|elaborate|respond|requests?|interviews?|answer|confirm|disclose)$/i.test(x.text))) return true;
    if (!NEG_WORD.test(toks[i]!.text)) continue;
    const next = toks.slice(i + 1, i + 5).find((x) => x.kind === 'word' && !SKIP_BEFORE_WITHHELD.test(x.text));
    if (next && WITHHOLD.test(next.text)) return true;
  }
  return false;
}

/** The country a withholding claim's source speaks for ("Syrian officials", "Damascus"). */
function sourceCountry(it: Item): string | null {
  const src = it.attribution?.source?.text;
  if (src) return countryOf(src);
  for (const i of it.mentions) { const c = countryOf(it.doc.analysis.entities[i]!.text); if (c) return c; }
  return null;
}

/** Both withhold comment, for the same country or source, on a shared subject: "have not commented on the meeting" ~ "no word … regarding consultations". */
function sameSilence(a: Item, b: Item): boolean {
  const ca = sourceCountry(a), cb = sourceCountry(b);
  if (!ca || ca !== cb) return false;
  for (const w of a.terms.content) if (b.terms.content.has(w) && !/^e\d+$/.test(w)) return true;
  return false;
}

/**
 * The pair's score; with a `floor`, any score under it may come back as another value under it (the workspace only
 * asks which side of the threshold a pair is on), which spares the costliest features.
 */
function decide(a: Item, b: Item, floor = 0): number {
  const wa = withholds(a), wb = withholds(b);
  if (wa !== wb) return 0; // a refusal to comment is not the claim it refuses to comment on
  if (wa && wb && sameSilence(a, b)) return Math.max(SAME_THRESHOLD, scoreTerms(a.terms, b.terms, floor));
  // A refusal to comment neither denies nor asserts: no contradiction is read into it.
  const contra = !wa && !wb && denialMatch(a, b);
  if (contra) return Math.max(SAME_THRESHOLD, scoreTerms(a.terms, b.terms, floor));
  // Cheap bound first: claims sharing under a fifth of the smaller one's words never reach the threshold.
  let shared = 0;
  for (const w of a.whole.content) if (b.whole.content.has(w)) shared++;
  const smaller = Math.min(a.whole.content.size, b.whole.content.size);
  if (shared < 2 || shared < 0.2 * smaller) return 0;
  // Who says it is compared as sourcing, not as content: the best of the claim and its attributed content counts.
  const plain = scoreTerms(a.terms, b.terms, floor);
  // Without a source to leave out, a claim's terms are its whole: the same pair need not be scored twice.
  let score = Math.max(plain, a.whole === a.terms && b.whole === b.terms ? plain : scoreTerms(a.whole, b.whole, floor));
  if (a.content) score = Math.max(score, scoreTerms(a.content, b.terms, floor));
  if (b.content) score = Math.max(score, scoreTerms(a.terms, b.content, floor));
  if (a.content && b.content) score = Math.max(score, scoreTerms(a.content, b.content, floor));
  if (score < SAME_THRESHOLD) return score;
  // One shared word is a topic, not a claim: "the meeting" alone must not align two claims.
  let common = 0;
  for (const w of a.terms.content) if (b.terms.content.has(w)) common++;
  if (common < 2) return Math.min(score, SAME_THRESHOLD - 0.01);
  let conflicts = 0;
  if (a.places.length && b.places.length && !a.places.some((p) => b.places.includes(p))) conflicts++;
  if (a.people.length && b.people.length && !a.people.some((p) => b.people.includes(p))) conflicts++;
  if (datesConflict(a.frameDates, b.frameDates)) conflicts++;
  if (a.claim.numbers.length && b.claim.numbers.length && !a.claim.numbers.some((n) => b.claim.numbers.includes(n))) conflicts++;
  return conflicts >= 2 ? Math.min(score, SAME_THRESHOLD - 0.01) : score;
}

/** True when two date lists name different days: "2025-05-16" vs "2025-05-15", or a Friday vs "thursday". */
export function datesConflict(a: readonly string[], b: readonly string[]): boolean {
  return dateDifference(a, b) !== null;
}

function dateDifference(a: readonly string[], b: readonly string[]): [string, string] | null {
  if (!a.length || !b.length) return null;
  const pa = dateParts(a), pb = dateParts(b);
  const da = pa.days, db = pb.days;
  if (da.length && db.length && !da.some((x) => db.includes(x))) return [da[0]!, db[0]!];
  const na = pa.names, nb = pb.names;
  if (da.length && nb.length && !pa.weekdays.some((w) => nb.includes(w))) return [da[0]!, nb[0]!];
  if (db.length && na.length && !pb.weekdays.some((w) => na.includes(w))) return [na[0]!, db[0]!];
  if (na.length && nb.length && !na.some((x) => nb.includes(x))) return [na[0]!, nb[0]!];
  return null;
}

interface DateParts { readonly days: readonly string[]; readonly weekdays: readonly string[]; readonly names: readonly string[] }
const datePartsCache = new WeakMap<readonly string[], DateParts>();
/** A claim's dates split once into days ("2025-05-16"), their weekdays, and weekday names ("friday"), not once per pair. */
function dateParts(xs: readonly string[]): DateParts {
  let p = datePartsCache.get(xs);
  if (!p) {
    const days = xs.filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x));
    p = { days, weekdays: days.map((x) => weekdayOf(x) ?? ''), names: xs.filter((x) => /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(x)) };
    datePartsCache.set(xs, p);
  }
  return p;
}

const TITLE = /^(?:President|Prime|Minister|Secretary|Gen\.?|General|Maj\.?|Major|Lt\.?|Col\.?|Colonel|Brig\.?|Adm\.?|Admiral|Capt\.?|Captain|Sen\.?|Senator|Rep\.?|Gov\.?|Governor|Dr\.?|Chief|Commander|Interim|Acting|Former|King|Queen|Prince|Sheikh|Mayor|Judge|Ambassador|Chairman|CEO|Director)$/;

/** The typed differences between two aligned claims of different documents. */
function compare(a: Item, b: Item, named = new Map<Item, Map<string, Named>>()): ClaimDifference[] {
  const out: ClaimDifference[] = [];
  const refs: ClaimRef[] = [{ doc: a.doc.id, claim: a.claim.id }, { doc: b.doc.id, claim: b.claim.id }];
  // Contradiction: one side denies or negates what the other asserts, and the negation bears on the shared words.
  const silent = withholds(a) || withholds(b);
  const negA = silent ? null : negationScope(a), negB = silent ? null : negationScope(b);
  if ((negA && !negB && overlapsContent(negA, b)) || (negB && !negA && overlapsContent(negB, a))) {
    const [neg, pos] = negA && !negB ? [a, b] : [b, a];
    const cue = negA && !negB ? negA : negB!;
    const who = neg.attribution?.source?.text;
    const said = neg.doc.text.slice(cue.cue.start, Math.min(neg.claim.end, cue.cue.end + 60)).replace(/[,;.].*$/s, '');
    out.push({
      kind: 'contradiction', claims: refs,
      detail: `${who ? `${who} (${label(neg)})` : label(neg)}: “${said}”, while ${label(pos)} reports it as fact`,
      spans: [{ doc: neg.doc.id, span: { start: cue.cue.start, end: cue.cue.end, text: cue.cue.text } }],
    });
  }
  const contradicts = out.length > 0;
  // Numbers.
  const na = a.claim.numbers, nb = b.claim.numbers;
  if (na.length && nb.length && !(na.every((n) => nb.includes(n)) && nb.every((n) => na.includes(n)))) {
    const onlyA = na.filter((n) => !nb.includes(n)), onlyB = nb.filter((n) => !na.includes(n));
    if (onlyA.length && onlyB.length) {
      out.push({ kind: 'number', claims: refs, detail: `${onlyA.join(', ')} in ${label(a)} vs ${onlyB.join(', ')} in ${label(b)}`, spans: [...numberSpan(a, onlyA), ...numberSpan(b, onlyB)] });
    }
  }
  // Dates.
  const dd = dateDifference(a.claim.dates, b.claim.dates);
  if (dd) out.push({ kind: 'date', claims: refs, detail: `${describeDate(dd[0])} in ${label(a)} vs ${describeDate(dd[1])} in ${label(b)}`, spans: [...dateSpan(a), ...dateSpan(b)] });
  // Names: the same entity spelled differently; titles before a shared person.
  for (const id of a.ids) {
    if (!b.ids.includes(id)) continue;
    const xa = namedOf(a, id, named), xb = namedOf(b, id, named);
    const ma = xa.mentions, mb = xb.mentions;
    const fa = xa.texts, fb = xb.texts;
    const sa = xa.spellings, sb = xb.spellings;
    // A short form ("US Treasury" / "US Treasury Department", "Basiuk" / "Oded Basiuk") is not another spelling.
    const shortForm = sa.some((_x, i) => sb.some((_y, j) => { const wx = xa.words[i]!, wy = xb.words[j]!; return wx.every((w) => wy.includes(w)) || wy.every((w) => wx.includes(w)); }));
    if (ma.length && mb.length && !shortForm && !xa.short && !xb.short) {
      out.push({ kind: 'name', claims: refs, detail: `“${fa[0]}” in ${label(a)} vs “${fb[0]}” in ${label(b)} (same ${ma[0]!.type === 'PERSON' ? 'person' : 'entity'})`, spans: [{ doc: a.doc.id, span: pick(ma[0]!) }, { doc: b.doc.id, span: pick(mb[0]!) }] });
    }
    if (ma[0]?.type === 'PERSON' && mb[0]) {
      const ta = titleBefore(a, ma[0]), tb = titleBefore(b, mb[0]);
      if (ta && tb && normTitle(ta.text) !== normTitle(tb.text)) {
        out.push({ kind: 'title', claims: refs, detail: `“${ta.text}” in ${label(a)} vs “${tb.text}” in ${label(b)} for ${fa[0]}`, spans: [{ doc: a.doc.id, span: ta }, { doc: b.doc.id, span: tb }] });
      }
    }
  }
  // Sourcing: one source vs several, named vs unnamed.
  const sa = a.attribution, sb = b.attribution;
  if (sa?.source && sb?.source && !contradicts) {
    const pa = plural(sa.source.text), pb = plural(sb.source.text);
    const namedA = sa.sourceKind !== 'unnamed', namedB = sb.sourceKind !== 'unnamed';
    const bits: string[] = [];
    if (pa !== pb && !namedA && !namedB) bits.push(`${pa ? 'several sources' : 'one source'} (“${sa.source.text}”) in ${label(a)} vs ${pb ? 'several sources' : 'one source'} (“${sb.source.text}”) in ${label(b)}`);
    if (namedA !== namedB) bits.push(`${namedA ? 'a named' : 'an unnamed'} source (“${sa.source.text}”) in ${label(a)} vs ${namedB ? 'a named' : 'an unnamed'} source (“${sb.source.text}”) in ${label(b)}`);
    if (bits.length) out.push({ kind: 'sourcing', claims: refs, detail: bits.join('; '), spans: [{ doc: a.doc.id, span: sa.source }, { doc: b.doc.id, span: sb.source }] });
  }
  return out;
}


const label = (it: Item): string => it.doc.analysis.outlet ?? it.doc.id.split(/[\\/]/).pop() ?? it.doc.id;
const pick = (m: TextSpan): TextSpan => ({ start: m.start, end: m.end, text: m.text });

/** A claim's mentions of one entity, their texts and distinct spellings (with their words), as `compare` reads them. */
interface Named {
  readonly mentions: readonly EntityMention[];
  readonly texts: readonly string[];
  readonly spellings: readonly string[];
  readonly words: readonly (readonly string[])[];
  /** Some spelling is three characters or fewer ("US"): no spelling difference is read from it. */
  readonly short: boolean;
}
/** `Named` of a claim and an entity, computed once per claim of a cluster (`cache`) rather than once per pair. */
function namedOf(it: Item, id: string, cache: Map<Item, Map<string, Named>>): Named {
  let row = cache.get(it);
  if (!row) { row = new Map(); cache.set(it, row); }
  let x = row.get(id);
  if (!x) {
    const mentions = it.mentions.filter((_, k) => it.mentionIds[k] === id).map((i) => it.doc.analysis.entities[i]!);
    const spellings = [...new Set(mentions.map((m) => spelling(m)))];
    x = { mentions, texts: mentions.map((m) => m.text), spellings, words: spellings.map((w) => w.split(' ')), short: spellings.some((w) => w.length <= 3) };
    row.set(id, x);
  }
  return x;
}

/** How a name is spelled, ignoring case, particles, titles and short forms: "Al-Sharaa" -> "sharaa". */
function spelling(m: EntityMention): string {
  if (m.type === 'PERSON') return personName(m.text).surname;
  return nameWords(m.text).filter((w) => w !== 'the').join(' ').replace(/\./g, '');
}

function titleBefore(it: Item, m: EntityMention): TextSpan | null {
  const toks = it.doc.analysis.tokens;
  const i = lowerBound(toks, m.start, (t) => t.start);
  if (toks[i]?.start !== m.start) return null;
  let first = i;
  while (first > 0 && TITLE.test(toks[first - 1]!.text) && i - first < 4) first--;
  if (first === i) return null;
  return { start: toks[first]!.start, end: toks[i - 1]!.end, text: it.doc.text.slice(toks[first]!.start, toks[i - 1]!.end) };
}

const normTitle = (s: string): string => s.toLowerCase().replace(/\./g, '').replace(/\bgen\b/g, 'general').replace(/\bmaj\b/g, 'major').replace(/\s+/g, ' ');

/** "sources familiar with the issue", "officials", "two people" are several; "a senior source" is one. */
function plural(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  const head = words.find((w) => /^(?:sources|officials|people|diplomats|aides|analysts|experts|witnesses|residents|authorities|insiders|officers|lawmakers)$/.test(w));
  return !!head || /^(?:two|three|several|many|some|multiple)\b/.test(text.toLowerCase());
}

function numberSpan(it: Item, values: readonly string[]): { doc: string; span: TextSpan }[] {
  for (const t of tokensOf(it)) {
    const v = t.text.toLowerCase();
    if (values.some((x) => x === v.replace(/,/g, '') || NUMBER_WORD.get(v) === x)) return [{ doc: it.doc.id, span: pick(t) }];
  }
  return [];
}
const NUMBER_WORD: ReadonlyMap<string, string> = new Map([['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'], ['eight', '8'], ['nine', '9'], ['ten', '10'], ['dozen', '12']]);

function dateSpan(it: Item): { doc: string; span: TextSpan }[] {
  const a = it.doc.analysis;
  const m = a.entities.find((e) => (e.type === 'DATE' || e.type === 'TIME') && e.start >= it.claim.start && e.end <= it.claim.end);
  if (m) return [{ doc: it.doc.id, span: pick(m) }];
  const t = tokensOf(it).find((x) => /^(?:today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(x.text));
  return t ? [{ doc: it.doc.id, span: pick(t) }] : [];
}

function describeDate(v: string): string {
  const wd = weekdayOf(v);
  return wd ? `${v} (${wd[0]!.toUpperCase()}${wd.slice(1)})` : v[0] ? v[0].toUpperCase() + v.slice(1) : v;
}

interface Negation { readonly cue: TextSpan; readonly scope: ReadonlySet<string>; /** For a bare negation, the word it negates. */ readonly head: string | null }

const NEG_WORD = /^(?:not|no|never|n['’]t|neither|nor|without)$/i;
const DENY_WORD = /^(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing))$/i;
/** What a source withholds: "did not comment", "no word from", "would not say", "could not be reached". */
const WITHHOLD = /^(?:comment(?:ed|s)?|respond(?:ed|s)?|response|word|disclose[ds]?|reply|replied|return(?:ed)?|confirm(?:ed)?|say|said|reveal(?:ed)?|discuss(?:ed)?|elaborate|reached|available|specify|answer(?:ed)?|located|released)$/i;
/** Words between a negator and what is withheld: "did not immediately have an official response". */
const SKIP_BEFORE_WITHHELD = /^(?:have|has|had|did|do|does|yet|been|be|publicly|immediately|immediate|could|would|an|a|the|any|official)$/i;
/** Refusals: "declined to comment", "refused to say", "declined requests for an interview". */
const REFUSAL = /^(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing))$/i;

/** The denial or negation of a claim and the words it bears on ("denied direct talks" -> {direct, talk}). */
function negationScope(it: Item): Negation | null {
  let n = it.negation;
  if (n === undefined) { n = findNegationScope(it); it.negation = n; }
  return n;
}

function findNegationScope(it: Item): Negation | null {
  const toks = it.doc.analysis.tokens;
  const within = tokensIn(toks, it.claim);
  const att = it.attribution;
  let quoted = false;
  for (let i = 0; i < within.length; i++) {
    const t = within[i]!;
    if (t.text === '“' || t.text === '”' || t.text === '"' || t.text === "''") { quoted = t.text === '“' ? true : t.text === '”' ? false : !quoted; continue; }
    if (quoted) continue;
    const deny = DENY_WORD.test(t.text) || (att?.stance === 'deny' && att.cue.start === t.start);
    const neg = !deny && NEG_WORD.test(t.text);
    if (!deny && !neg) continue;
    const next = within.slice(i + 1, i + 5).find((x) => x.kind === 'word' && !SKIP_BEFORE_WITHHELD.test(x.text));
    if (neg && next && WITHHOLD.test(next.text)) continue;
    // The scope runs to the end of the clause: "would not go unsung, Mayor Quinn ordered …" negates only "go unsung".
    let end = i + 1;
    while (end < within.length && end < i + 9 && !/^[,;:–—]$/.test(within[end]!.text)) end++;
    const scopeToks = within.slice(i + 1, end);
    // A bare "not" must bear on the other claim's own verb: "did not meet" ~ "met".
    const head = scopeToks.find((x) => x.kind === 'word' && !STOPWORDS.has(x.text.toLowerCase()) && !/^(?:longer|only|just|yet|immediately|publicly|directly)$/i.test(x.text));
    if (neg && !head) continue;
    const scope = new Set(claimTerms('', undefined, scopeToks).content);
    for (const x of scopeToks) { const c = /^\p{Lu}/u.test(x.text) ? countryOf(x.text) : null; if (c) { scope.delete(normWord(x.text)); scope.add(`country:${c}`); } }
    return { cue: { start: t.start, end: t.end, text: t.text }, scope, head: neg && head ? normWord(head.text) : null };
  }
  return null;
}

/** The claim's terms without entity keys, computed once per claim rather than once per pair. */
function plainTerms(it: Item): ClaimTerms {
  let t = it.plain;
  if (!t) { t = shared(claimTerms('', undefined, tokensOf(it))); it.plain = t; }
  return t;
}

/** Whether the negated words are what the other claim asserts (two content words in common, synonyms folded). */
function overlapsContent(neg: Negation, other: Item): boolean {
  let n = 0;
  const words = plainTerms(other).content;
  for (const w of neg.scope) if (words.has(w)) n++;
  return n >= 2 || (n >= 1 && neg.scope.size <= 3);
}

/** A claim of a document, as `compareClaims` takes it. */
export interface ClaimInDoc {
  readonly doc: AnalyzedDocument;
  readonly claim: Claim;
}

/**
 * The pairwise decision behind both the workspace clusters and `crosscheck match`: score, same-or-not, relation and
 * typed differences, e.g. "the army denied direct talks" vs "held a direct meeting" -> contradiction.
 */
export function compareClaims(x: ClaimInDoc, y: ClaimInDoc, entityOf: ReadonlyMap<string, string> = new Map()): { score: number; same: boolean; relation: ClaimCluster['relation'] | 'unrelated'; differences: ClaimDifference[] } {
  const a = prepare(x.doc, x.claim, (i) => entityOf.get(`${x.doc.id}#${i}`)), b = prepare(y.doc, y.claim, (i) => entityOf.get(`${y.doc.id}#${i}`));
  const score = decide(a, b);
  if (score < SAME_THRESHOLD) return { score, same: false, relation: 'unrelated', differences: [] };
  const differences = compare(a, b);
  const relation = differences.some((d) => d.kind === 'contradiction') ? 'contradiction' : differences.length ? 'discrepancy' : 'agree';
  return { score, same: true, relation, differences };
}

/** One side denies or negates what the other asserts: the negated words are (nearly) all in the other claim. */
function denialMatch(a: Item, b: Item): boolean {
  const na = negationScope(a), nb = negationScope(b);
  if (!!na === !!nb) return false;
  const [neg, other, negItem] = na ? [na, b, a] : [nb!, a, b];
  if (neg.scope.size < 2) return false;
  // The two claims must be about the same participants: a shared entity, and for a bare "not" some overall likeness.
  const ca = countriesOf(negItem), cb = countriesOf(other);
  if (!negItem.ids.some((id) => other.ids.includes(id)) && !sharedName(negItem.whole, other.whole) && !ca.some((c) => cb.includes(c))) return false;
  if (!DENY_WORD.test(neg.cue.text) && scoreTerms(a.whole, b.whole, 0.15) < 0.15) return false;
  const words = new Set(plainTerms(other).content);
  // "Lebanese officials" bears on "Lebanon": nationality and country count as one word here.
  for (const c of cb) words.add(`country:${c}`);
  if (neg.head && !words.has(neg.head)) return false;
  let n = 0, plain = 0;
  for (const w of neg.scope) if (words.has(w)) { n++; if (!w.startsWith('country:')) plain++; }
  return plain >= 2 && n / neg.scope.size >= 0.5;
}

const NONE: readonly string[] = [];
/** The countries a claim's capitalised words name ("Lebanese", "Damascus"), distinct, in order; once per claim. */
function countriesOf(it: Item): readonly string[] {
  let cs = it.countries;
  if (!cs) {
    const out: string[] = [];
    for (const t of tokensOf(it)) { const c = /^\p{Lu}/u.test(t.text) ? countryOf(t.text) : null; if (c && !out.includes(c)) out.push(c); }
    cs = out.length ? out : NONE;
    it.countries = cs;
  }
  return cs;
}

/** In sentences without resolved entities, a shared capitalised name stands in for a shared entity. */
function sharedName(a: ClaimTerms, b: ClaimTerms): boolean {
  for (const n of a.names) if (b.names.has(n)) return true;
  return false;
}

/** True when a claim withholds comment rather than asserting: "Officials have not commented on the meeting". */
export function isWithholding(x: ClaimInDoc): boolean {
  return withholds(prepare(x.doc, x.claim, () => undefined));
}
