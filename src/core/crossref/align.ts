import { LazyMapView } from './mapView';
import type { AnalyzedDocument, Attribution, Claim, ClaimCluster, ClaimDifference, ClaimRef, EntityMention, TextSpan, Token } from '../types';
import { claimTerms, idf, normWord, SAME_THRESHOLD, scoreTerms, STOPWORDS, type ClaimTerms } from './similarity';
import { weekdayOf } from '../claims/dates';
import { countryOf, nameWords, personName } from './names';
import { memoize } from '../index/memo';
import { ScoreTable } from './scoreTable';
import { tokenView } from '../index/compactTokens';
import { contentHash } from '../index/hash';

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
  /** Its document's place in the alignment and its own place among the document's claims. */
  slot: DocSlot | null;
  no: number;
  /** Scratch for one alignment: a place in a list, a mark, twice a sum of shared key weights (0 between uses). */
  index: number;
  mark: number;
  acc: number;
  /** The claims of its component of the edge graph, in reading order (one array for them all), or null with no edge. */
  comp: readonly Item[] | null;
  /** For the first claim of a published cluster: its claims and the cluster as last published. */
  published: Published | null;
  /*
   * Remembered on the claim itself rather than in weak maps (a workspace has hundreds of thousands of claims, and weak
   * map entries cost the garbage collector more than fields): computed on first use.
   */
  keyIds: readonly number[] | undefined;
  keyGeneration: number;
  withheld: boolean | undefined;
  negation: Negation | null | undefined;
  plain: ClaimTerms | undefined;
  countries: readonly string[] | undefined;
  /** The claim as its clusters and their differences name it, one value for them all (made on first use). */
  ref: ClaimRef | undefined;
  /** The signature id under a cache's `signatures`, valid while `sigGeneration` is that cache's generation. */
  sig: number;
  sigGeneration: number;
  /** The claims of its cluster in reading order (itself included), or null, as of the last alignment it took part in. */
  cluster: readonly Item[] | null;
  /** This claim's scored edges to later claims, as of the last alignment it took part in. */
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
  const perDoc: (readonly Item[])[] = [];
  const seen = new Set<AnalyzedDocument>();
  // Two documents under one id (or one document given twice) share claim ids: nothing is kept for the next alignment.
  const twice = sharesIds(docs, cache);
  // The same documents at the same places under the very same entity ids as last time have the same claims.
  const lastPrep = cache && !twice && cache.lastPrepared?.idsByDoc === idsByDoc && idsByDoc ? cache.lastPrepared : null;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    if (lastPrep && lastPrep.docs[d] === doc) { perDoc.push(lastPrep.perDoc[d]!); continue; }
    // (`idsByDoc`, when given, holds what `entityOf` holds, or the same partition under other ids, by document: no
    // keys to build and look up.)
    const given = idsByDoc?.get(doc.id);
    const fromMap = (i: number): string | undefined => (given ? given[i] : entityOf.get(`${doc.id}#${i}`));
    // A document given twice gets claims of its own the second time, as without a cache.
    if (!cache || (twice && seen.has(doc))) { perDoc.push(doc.analysis.claims.map((claim) => prepare(doc, claim, fromMap))); continue; }
    if (twice) seen.add(doc);
    // A document whose text and entity ids are unchanged keeps its prepared claims (and everything cached on them).
    let kept = cache.prepared.get(doc);
    // The very same ids (an entity resolution that found nothing changed) need no comparing.
    if (kept && given && kept.given === given) { perDoc.push(kept.items); continue; }
    const ids = doc.analysis.entities.map((_, i) => fromMap(i) ?? '');
    if (!kept || kept.ids.length !== ids.length || kept.ids.some((id, i) => id !== ids[i])) {
      kept = { ids, items: doc.analysis.claims.map((claim) => prepare(doc, claim, (i) => ids[i] || undefined)), given };
      cache.prepared.set(doc, kept);
    } else kept.given = given;
    perDoc.push(kept.items);
  }

  if (cache) cache.lastPrepared = twice || !idsByDoc ? null : { docs: docs.slice(), idsByDoc, perDoc };
  // Index keys are small integers with weights; keys in too many claims are not informative enough to block on.
  const table = cache?.keys ?? new KeyTable();
  if (table.ids.size > MAX_KEYS) table.reset();
  const maxPosting = postingLimit(perDoc);
  // Wire copies repeat claims word for word: each distinct pair of signatures is scored once (and, with a cache, once
  // for the life of the workspace).
  if (cache && (cache.signatures.size > MAX_SIGNATURES || cache.scores.size > MAX_SCORES)) cache.clear();
  const scorer = cache ? new Scorer(cache.signatures, cache.scores, cache.generation) : new Scorer(new Map(), new ScoreTable(), -2);
  const keeping = cache && !twice ? cache : undefined;
  if (cache && twice) cache.state = null;
  const slots = (keeping && alignChanges(keeping, docs, perDoc, table, maxPosting, scorer)) || alignAll(docs, perDoc, table, maxPosting, scorer, keeping);
  return publish(slots, cache, twice);
}

/** Keys in more claims than this are not looked up: 5% of the claims, from 40 up to `MAX_POSTING`. */
function postingLimit(perDoc: readonly (readonly Item[])[]): number {
  // Counted only as far as the limit can grow (a large workspace's claims are not all counted after every edit).
  let total = 0;
  for (const items of perDoc) { total += items.length; if (total * 0.05 >= MAX_POSTING) break; }
  return Math.min(MAX_POSTING, Math.max(40, Math.ceil(total * 0.05)));
}

/** Whether two documents share an id; the same answer as last time for the same ids in the same order. */
function sharesIds(docs: readonly AnalyzedDocument[], cache: AlignCache | undefined): boolean {
  const last = cache?.lastIds;
  // (The very same document at a place has the same id: only the others are read.)
  if (last && last.ids.length === docs.length && docs.every((d, i) => d === last.docs[i] || d.id === last.ids[i])) {
    if (docs.some((d, i) => d !== last.docs[i])) cache!.lastIds = { docs: docs.slice(), ids: last.ids, twice: last.twice };
    return last.twice;
  }
  const twice = new Set(docs.map((d) => d.id)).size !== docs.length;
  if (cache) cache.lastIds = { docs: docs.slice(), ids: docs.map((d) => d.id), twice };
  return twice;
}

/** A document's place in an alignment: its claims, its rank in reading order, and what was published of it. */
interface DocSlot {
  readonly doc: AnalyzedDocument;
  /** Its document's id (read once per alignment for every document, without reaching into the document). */
  readonly id: string;
  readonly items: readonly Item[];
  /** Increasing in reading order, and kept while the document's claims stay, so that what is sorted by it stays sorted. */
  readonly rank: number;
  /**
   * The published clusters its claims head, in order; null when they must be found again (one of its claims was
   * clustered again). While it stands they are published as they are, renumbered when earlier clusters came or went.
   */
  published: Published[] | null;
  /** Claim id -> the published cluster of its clustered claims; null when it must be built again. */
  clusterIds: Map<string, Published> | null;
  /** The last alignment of its cache that it took part in (a counter of the cache's). */
  mark: number;
}

/** Ranks of documents met in a full alignment; new documents between two kept ones take ranks between theirs. */
const RANK_STEP = 1024;

function newSlot(doc: AnalyzedDocument, items: readonly Item[], rank: number): DocSlot {
  const slot: DocSlot = { doc, id: doc.id, items, rank, published: null, clusterIds: null, mark: -1 };
  items.forEach((it, no) => { it.slot = slot; it.no = no; });
  return slot;
}

/** True when claim a comes before claim b in reading order (documents by rank, then claims in order). */
function precedes(a: Item, b: Item): boolean {
  const ra = a.slot!.rank, rb = b.slot!.rank;
  return ra < rb || (ra === rb && a.no < b.no);
}

/** Where `it` goes in a list in reading order: the first place whose claim does not precede it. */
function placeOf(list: readonly Item[], it: Item): number {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (precedes(list[mid]!, it)) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Pair scores by claim signature, remembered in a score table. */
class Scorer {
  constructor(private readonly signatures: Map<string, number>, private readonly memo: ScoreTable, private readonly generation: number) {}

  private sig(it: Item): number {
    if (it.sigGeneration === this.generation) return it.sig;
    // Two independent 53-bit hashes of the signature stand for it (the long strings were a large workspace's memory):
    // two different signatures would share a key with a chance of about one in 10^31 per pair.
    const text = signatureOf(it);
    const sig = contentHash(text) + ':' + contentHash(text, 0x5bd1e995);
    let id = this.signatures.get(sig);
    if (id === undefined) { id = this.signatures.size; this.signatures.set(sig, id); }
    // The id is kept on the claim, not its (long) signature string.
    it.sig = id;
    it.sigGeneration = this.generation;
    return id;
  }

  /** Which side of the threshold the pair is on, and its exact score when at or above it. */
  score(a: Item, b: Item): number {
    const key = this.sig(a) * SIGNATURE_SPACE + this.sig(b);
    let score = this.memo.get(key);
    if (score === undefined) { score = decide(a, b, SAME_THRESHOLD); this.memo.set(key, score); }
    return score;
  }
}

/** The inverted index: per key id, the claims with that key in reading order. */
type Postings = (Item[] | undefined)[];

/** Scratch for `edgesOf`, reused from claim to claim. */
const touched: Item[] = [];

/**
 * The edges of a claim: its best-sharing candidates after it in reading order, of other documents, scored; those at
 * the threshold or above.
 */
function edgesOf(it: Item, postings: Postings, weights: readonly number[], maxPosting: number, scorer: Scorer): Item['edges'] {
  touched.length = 0;
  // How much each other claim shares with it, in the order first met (keys in order, postings in reading order).
  for (const k of it.keyIds!) {
    const list = postings[k];
    if (!list || list.length > maxPosting) continue;
    // Summed doubled, so that the sums stay small integers (weights are whole or halves): no number object per step.
    const w = weights[k]! * 2;
    // Only the claims after it are its to score.
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (precedes(it, list[mid]!)) hi = mid; else lo = mid + 1; }
    for (let p = lo; p < list.length; p++) {
      const o = list[p]!;
      if (o.doc === it.doc) continue;
      if (o.acc === 0) touched.push(o);
      o.acc += w;
    }
  }
  // Those sharing enough, in the order first met, with how much they share.
  const picks: Item[] = [], amounts: number[] = [];
  for (const o of touched) { if (o.acc >= 4) { picks.push(o); amounts.push(o.acc / 2); } o.acc = 0; }
  touched.length = 0;
  return scoreBest(it, picks, amounts, scorer);
}

/**
 * The edges of a claim to its candidates (in the order first met, with how much they share): only the best-sharing
 * are scored (ties in the order first met), so that cost stays linear in the number of claims.
 */
function scoreBest(it: Item, picks: readonly Item[], amounts: readonly number[], scorer: Scorer): Item['edges'] {
  const order = picks.map((_, x) => x).sort((x, y) => amounts[y]! - amounts[x]! || x - y);
  const others: Item[] = [], scores: number[] = [];
  for (let c = 0; c < Math.min(picks.length, MAX_CANDIDATES); c++) {
    const other = picks[order[c]!]!;
    const score = scorer.score(it, other);
    if (score >= SAME_THRESHOLD) { others.push(other); scores.push(score); }
  }
  // Kept until the claim's candidates change: without the spare room `push` left (most of a short list's memory).
  return others.length ? { others: others.slice(), scores: scores.slice() } : NO_EDGES;
}

/** Every claim aligned afresh: documents ranked in order, the index built, every claim's edges found, every component clustered. */
function alignAll(docs: readonly AnalyzedDocument[], perDoc: readonly (readonly Item[])[], table: KeyTable, maxPosting: number, scorer: Scorer, cache: AlignCache | undefined): DocSlot[] {
  const slots = docs.map((doc, d) => newSlot(doc, perDoc[d]!, d * RANK_STEP));
  const all: Item[] = [];
  for (const slot of slots) for (const it of slot.items) { keyIdsOf(it, table); all.push(it); }
  // The index as one flat array (claims by number, in reading order): `post[start[k] .. start[k + 1])` have key k.
  const keyCount = table.ids.size;
  const start = new Int32Array(keyCount + 1);
  for (const it of all) for (const k of it.keyIds!) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const post = new Int32Array(start[keyCount]!);
  const next = start.slice(0, keyCount);
  all.forEach((it, i) => { for (const k of it.keyIds!) post[next[k]!++] = i; });
  // Which document each claim is from, as small numbers the loop below compares without touching the claims.
  const docNo = new Int32Array(all.length);
  const docNos = new Map<AnalyzedDocument, number>();
  all.forEach((it, i) => { let d = docNos.get(it.doc); if (d === undefined) docNos.set(it.doc, (d = docNos.size)); docNo[i] = d; });
  const acc = new Float64Array(all.length);
  const seen: number[] = [];
  const weights = table.weights;
  all.forEach((it, i) => {
    const mine = docNo[i]!;
    // How much each later claim of another document shares with it, in the order first met.
    for (const k of it.keyIds!) {
      const from = start[k]!, to = start[k + 1]!;
      if (to - from > maxPosting) continue;
      const w = weights[k]!;
      let lo = from, hi = to;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (post[mid]! <= i) lo = mid + 1; else hi = mid; }
      for (let p = lo; p < to; p++) {
        const j = post[p]!;
        if (docNo[j] === mine) continue;
        if (acc[j] === 0) seen.push(j);
        acc[j] = acc[j]! + w;
      }
    }
    const picks: Item[] = [], amounts: number[] = [];
    for (const j of seen) { if (acc[j]! >= 2) { picks.push(all[j]!); amounts.push(acc[j]!); } acc[j] = 0; }
    seen.length = 0;
    it.edges = scoreBest(it, picks, amounts, scorer);
  });
  for (const comp of componentsOf(all)) settle(comp);
  // Kept for the next alignment: the index as lists of claims, which edits change in place.
  const postings: Postings = [];
  if (cache) for (let k = 0; k < keyCount; k++) if (start[k + 1]! > start[k]!) postings[k] = Array.from(post.subarray(start[k]!, start[k + 1]!), (i) => all[i]!);
  if (cache) {
    const round = ++cache.round;
    for (const s of slots) s.mark = round;
    cache.state = { slots, postings, maxPosting, keyGeneration: table.generation, mark: round };
  }
  return slots;
}

/**
 * The alignment kept by `cache` brought up to `docs`: documents whose claims stay keep their places; the claims of the
 * others leave and enter the index; the claims whose candidates may have changed (those before a changed claim under a
 * shared key) find their edges again; and the components of the edge graph that such a change reaches are clustered
 * again. Null (nothing changed) when the kept alignment cannot be brought up to date so: then everything is aligned again.
 */
function alignChanges(cache: AlignCache, docs: readonly AnalyzedDocument[], perDoc: readonly (readonly Item[])[], table: KeyTable, maxPosting: number, scorer: Scorer): DocSlot[] | null {
  const st = cache.state;
  if (!st || st.keyGeneration !== table.generation || st.maxPosting !== maxPosting) return null;
  const n = docs.length;
  // A document keeps its slot while its claims stay: the slot of its first claim, if still in the alignment.
  const round = ++cache.round;
  const kept = docs.map((doc, d) => {
    // (Most documents are where they were: the slot at their place is tried before their first claim's.)
    const here = st.slots.length === n ? st.slots[d]! : null;
    const s = here && here.doc === doc && here.items === perDoc[d] ? here : perDoc[d]![0]?.slot;
    if (!s || s.doc !== doc || s.items !== perDoc[d] || s.mark !== st.mark) return null;
    s.mark = round;
    return s;
  });
  // (Loops over every document are indexed: their code is new to the first edit, and an iterator there costs an object a step.)
  let last = -Infinity;
  for (let d = 0; d < n; d++) { const s = kept[d]; if (s) { if (s.rank <= last) return null; last = s.rank; } }
  // New documents take ranks between those of the kept documents around them (all found before anything changes).
  const ranks = new Float64Array(n);
  for (let d = 0; d < n;) {
    if (kept[d]) { ranks[d] = kept[d]!.rank; d++; continue; }
    let e = d;
    while (e < n && !kept[e]) e++;
    const lo = d > 0 ? ranks[d - 1]! : null, hi = e < n ? kept[e]!.rank : null, k = e - d;
    let prev = lo ?? -Infinity;
    for (let j = 0; j < k; j++) {
      const rank = lo === null && hi === null ? j * RANK_STEP : lo === null ? hi! - (k - j) * RANK_STEP : hi === null ? lo + (j + 1) * RANK_STEP : lo + ((hi - lo) * (j + 1)) / (k + 1);
      if (!(rank > prev) || (hi !== null && !(rank < hi))) return null; // no room left between two ranks
      ranks[d + j] = prev = rank;
    }
    d = e;
  }
  const slots: DocSlot[] = [];
  const added: Item[] = [];
  for (let d = 0; d < n; d++) {
    if (kept[d]) { slots.push(kept[d]!); continue; }
    // Claims prepared before (a document deleted and given back) start again from nothing.
    for (const it of perDoc[d]!) { it.edges = undefined; it.comp = null; it.cluster = null; it.published = null; }
    slots.push(newSlot(docs[d]!, perDoc[d]!, ranks[d]!));
    added.push(...perDoc[d]!);
  }
  const removed: Item[] = [];
  for (let d = 0; d < st.slots.length; d++) { const s = st.slots[d]!; if (s.mark !== round) removed.push(...s.items); }
  for (let d = 0; d < n; d++) slots[d]!.mark = round;
  cache.state = { slots, postings: st.postings, maxPosting, keyGeneration: table.generation, mark: round };
  if (!added.length && !removed.length) return slots;

  // The index: the removed claims leave it, the added ones enter it, each at its place in reading order.
  const postings = st.postings;
  const plus = new Map<number, number>(), minus = new Map<number, number>();
  // Per key, the latest changed claim: the claims before it under that key may have other candidates now.
  const bound = new Map<number, Item>();
  const reach = (k: number, it: Item): void => { const b = bound.get(k); if (!b || precedes(b, it)) bound.set(k, it); };
  for (const r of removed) {
    for (const k of r.keyIds!) {
      const list = postings[k]!;
      let at = placeOf(list, r);
      if (list[at] !== r) at = list.indexOf(r);
      list.splice(at, 1);
      minus.set(k, (minus.get(k) ?? 0) + 1);
      reach(k, r);
    }
  }
  for (const a of added) {
    for (const k of keyIdsOf(a, table)) {
      const list = (postings[k] ??= []);
      list.splice(placeOf(list, a), 0, a);
      plus.set(k, (plus.get(k) ?? 0) + 1);
      reach(k, a);
    }
  }
  const dirty: Item[] = [];
  const mark = (it: Item): void => { if (it.mark !== round) { it.mark = round; dirty.push(it); } };
  for (const a of added) mark(a);
  for (const k of new Set([...plus.keys(), ...minus.keys()])) {
    const list = postings[k] ?? [];
    const before = list.length - (plus.get(k) ?? 0) + (minus.get(k) ?? 0);
    if (list.length > maxPosting && before > maxPosting) continue;
    // A key that crosses the posting limit is read by every claim that has it, or by none any more.
    if ((list.length > maxPosting) !== (before > maxPosting)) { for (const j of list) mark(j); continue; }
    const b = bound.get(k)!;
    for (const j of list) { if (!precedes(j, b)) break; mark(j); }
  }
  // Claims whose component may not be the one of the last alignment: the changed ones and those they linked to.
  const changed: Item[] = [];
  // The published clusters of the removed claims, by document and claim id, for the unchanged claims of new versions.
  const gone = new Map<string, Map<string, { readonly item: Item; readonly published: Published }>>();
  for (const r of removed) {
    const p = r.cluster?.[0]!.published;
    if (p) (gone.get(r.doc.id) ?? gone.set(r.doc.id, new Map()).get(r.doc.id)!).set(r.claim.id, { item: r, published: p });
    if (r.edges) changed.push(...r.edges.others);
    // (Its cluster and what was published of it stay until the differences of the region are provided for below.)
    r.slot = null; r.edges = undefined; r.comp = null;
  }
  for (const it of dirty) {
    if (it.edges) changed.push(...it.edges.others);
    changed.push(it);
    it.edges = edgesOf(it, postings, table.weights, maxPosting, scorer);
  }
  // The region to cluster again: the last components of the changed claims, closed under the edges as they are now
  // (a new edge may reach into another component; an unchanged edge stays within its last component).
  const inRegion = ++cache.round;
  const region: Item[] = [];
  const enter = (it: Item): void => {
    if (it.mark === inRegion || !it.slot) return;
    for (const m of it.comp ?? [it]) if (m.mark !== inRegion && m.slot) { m.mark = inRegion; region.push(m); }
  };
  for (const it of changed) enter(it);
  for (let i = 0; i < region.length; i++) for (const o of region[i]!.edges!.others) enter(o);
  region.sort((a, b) => (precedes(a, b) ? -1 : 1));
  // What was published of the region's clusters, and each claim's place in it, for their differences (`differencesOf`).
  const earlier = new Map<Item, Earlier>();
  const places = new Map<Published, Map<Item, number>>();
  const placeIn = (p: Published, it: Item): Earlier => {
    let at = places.get(p);
    if (!at) { at = new Map(p.claims.map((c, k) => [c, k])); places.set(p, at); }
    return { published: p, at: at.get(it)! };
  };
  for (const it of region) {
    it.slot!.published = null;
    it.slot!.clusterIds = null;
    const p = it.cluster?.[0]!.published;
    if (p) earlier.set(it, placeIn(p, it));
    else {
      // A claim of an edited document that reads as its old version did differs from the others as that one did.
      const twin = gone.get(it.doc.id)?.get(it.claim.id);
      if (twin && comparesAlike(twin.item, it)) earlier.set(it, placeIn(twin.published, twin.item));
    }
  }
  // A removed claim heading a cluster still gave its claims their `earlier` above; now it leaves for good.
  for (const r of removed) { r.cluster = null; r.published = null; }
  cache.earlier = earlier;
  for (const comp of componentsOf(region)) settle(comp);
  return slots;
}

/**
 * Whether two versions of a claim of one document read alike to `compare`: the same outlet, claim, attribution,
 * entity ids, and the same text, tokens and entities from a few tokens before the claim (titles) to its end.
 */
function comparesAlike(x: Item, y: Item): boolean {
  const a = x.doc.analysis, b = y.doc.analysis;
  if (x.doc.id !== y.doc.id || a.outlet !== b.outlet || x.stripped !== y.stripped) return false;
  if (!sameItems(x.ids, y.ids) || !sameItems(x.mentions, y.mentions) || !sameItems(x.mentionIds, y.mentionIds)) return false;
  if (JSON.stringify(x.claim) !== JSON.stringify(y.claim) || JSON.stringify(x.attribution) !== JSON.stringify(y.attribution)) return false;
  const tx = tokenView(x.doc.text, a), ty = tokenView(y.doc.text, b);
  const { start, end } = x.claim;
  let from = start;
  for (const i of x.mentions) from = Math.min(from, a.entities[i]!.start);
  const lo = Math.max(0, tx.firstFrom(from) - 4);
  if (Math.max(0, ty.firstFrom(from) - 4) !== lo) return false;
  const hi = tx.firstFrom(end);
  if (ty.firstFrom(end) !== hi) return false;
  for (let i = lo; i < hi; i++) if (tx.startOf(i) !== ty.startOf(i) || tx.endOf(i) !== ty.endOf(i) || tx.at(i).kind !== ty.at(i).kind) return false;
  const at = lo < hi ? Math.min(tx.startOf(lo), start) : start;
  if (x.doc.text.slice(at, Math.max(end, lo < hi ? tx.endOf(hi - 1) : end)) !== y.doc.text.slice(at, Math.max(end, lo < hi ? ty.endOf(hi - 1) : end))) return false;
  const near = (ms: readonly EntityMention[]): string => JSON.stringify(ms.filter((m) => m.end > at && m.start < end));
  return near(a.entities) === near(b.entities) && x.mentions.every((i) => JSON.stringify(a.entities[i]) === JSON.stringify(b.entities[i]));
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The components of the edge graph among `items` (whose edges all stay among them), each in the order of `items`. */
function componentsOf(items: readonly Item[]): Item[][] {
  items.forEach((it, i) => { it.index = i; });
  const parent = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) parent[i] = i;
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  for (const it of items) for (const o of it.edges!.others) { const a = find(it.index), b = find(o.index); if (a !== b) parent[b] = a; }
  const comps = new Map<number, Item[]>();
  for (const it of items) {
    const r = find(it.index);
    const comp = comps.get(r);
    if (comp) comp.push(it); else comps.set(r, [it]);
  }
  return [...comps.values()];
}

/** Records a component of the edge graph (claims in reading order) on its claims and clusters it. */
function settle(comp: Item[]): void {
  if (comp.length === 1) { comp[0]!.comp = null; comp[0]!.cluster = null; return; }
  for (const it of comp) it.comp = comp;
  clusterComponent(comp);
}

/**
 * The published clusters in reading order (by their first claim), numbered in that order, and the cluster of every
 * clustered claim. A cluster of the very same claims as last time keeps its differences (they read nothing but its
 * claims), and under the same id is the same value altogether; one that only moved to another place is the same value
 * under its new id (its lists shared, nothing compared again). A document none of whose claims was clustered again
 * publishes its clusters as it did, without its claims being read; what its claims map to (their published clusters)
 * is built again only when one of its clusters changed claims, not when clusters are numbered anew.
 */
function publish(slots: readonly DocSlot[], cache: AlignCache | undefined, twice: boolean): { clusters: ClaimCluster[]; clusterOf: ReadonlyMap<string, string> } {
  const keep = cache !== undefined;
  const earlier = cache?.earlier;
  if (cache) cache.earlier = undefined;
  const clusters: ClaimCluster[] = [];
  // What each cluster was published as, in step with `clusters`.
  const pubs: Published[] = [];
  for (let d = 0; d < slots.length; d++) {
    const slot = slots[d]!;
    let list = slot.published;
    if (list && keep) {
      // None of its clusters changed (none of its claims was clustered again): they need reading, not comparing.
      if (list.length && list[0]!.no !== clusters.length) { let no = clusters.length; for (const p of list) renumber(p, no++); }
      for (let k = 0; k < list.length; k++) { const p = list[k]!; clusters.push(p.cluster); pubs.push(p); }
      continue;
    }
    const firsts = slot.items.filter((it) => it.cluster !== null && it.cluster[0] === it && it.cluster.some((c) => c.doc.id !== it.doc.id));
    for (const it of slot.items) if (it.published && !firsts.includes(it)) it.published = null;
    list = [];
    for (const first of firsts) {
      const claimsIn = first.cluster!;
      const no = clusters.length;
      const before = keep ? first.published : null;
      let p: Published;
      if (before && (before.claims === claimsIn || (before.claims.length === claimsIn.length && before.claims.every((c, k) => c === claimsIn[k])))) {
        // The very same claims: the same value, renumbered if an earlier cluster came or went.
        if (before.no !== no) renumber(before, no);
        p = before;
      } else {
        const differences = differencesOf(claimsIn, earlier);
        const relation = differences.some((d) => d.kind === 'contradiction') ? 'contradiction' : differences.length ? 'discrepancy' : 'agree';
        const cluster: ClaimCluster = { id: clusterId(no), claims: claimsIn.map(refOf), relation, differences };
        for (const c of claimsIn) c.slot!.clusterIds = null;
        p = first.published = { claims: claimsIn, cluster, no };
      }
      list.push(p);
      clusters.push(p.cluster);
      pubs.push(p);
    }
    slot.published = list;
  }
  if (twice) {
    // One document given twice: its two copies share their claim ids, and the later cluster names a claim.
    const byDoc = new Map<string, Map<string, string>>();
    for (const c of clusters) for (const r of c.claims) (byDoc.get(r.doc) ?? byDoc.set(r.doc, new Map()).get(r.doc)!).set(r.claim, c.id);
    return { clusters, clusterOf: new ClusterOf(clusters, () => byDoc, (id) => id) };
  }
  // Per document, the published cluster of each of its clustered claims (a map is replaced, never changed, when its
  // document's clusters change); the ids those clusters have in this result are read from `pubs` on the first look-up.
  const ids: string[] = [], maps: ReadonlyMap<string, Published>[] = [];
  for (let d = 0; d < slots.length; d++) {
    const slot = slots[d]!;
    if (!slot.clusterIds) {
      slot.clusterIds = new Map();
      for (const it of slot.items) { const p = it.cluster?.[0]!.published; if (p) slot.clusterIds.set(it.claim.id, p); }
    }
    if (slot.clusterIds.size) { ids.push(slot.id); maps.push(slot.clusterIds); }
  }
  let idOfPublished: Map<Published, string> | null = null;
  const idOf = (p: Published): string | undefined => {
    if (!idOfPublished) { idOfPublished = new Map(); for (let i = 0; i < pubs.length; i++) idOfPublished.set(pubs[i]!, clusters[i]!.id); }
    return idOfPublished.get(p);
  };
  return { clusters, clusterOf: new ClusterOf(clusters, () => new Map(ids.map((id, i) => [id, maps[i]!])), idOf) };
}

/** Cluster ids by number, made once: an edit early in a workspace renumbers every later cluster. */
const clusterIdStrings: string[] = [];
const clusterId = (no: number): string => (clusterIdStrings[no] ??= `k${no}`);

/** A published cluster moved to place `no` (an earlier one came or went): the same value under its new id. */
function renumber(p: Published, no: number): void {
  const { claims, relation, differences } = p.cluster;
  p.cluster = { id: clusterId(no), claims, relation, differences };
  p.no = no;
}

/**
 * `doc#claim` -> cluster id, read from per-document maps keyed by the claims' own ids (to an id, or to what stands for
 * one), so that no key string is built per clustered claim: `clusterOf.get("a.txt#c3")` -> "k7". Iterating it builds
 * the map once, in cluster order.
 */
class ClusterOf<V> extends LazyMapView {
  // Private fields: two views of equal clusters compare equal (`assert.deepEqual`) whichever was looked into.
  #byDoc: ReadonlyMap<string, ReadonlyMap<string, V>> | null = null;
  readonly #makeByDoc: () => ReadonlyMap<string, ReadonlyMap<string, V>>;
  readonly #idOf: (v: V) => string | undefined;

  /** `byDoc` is made on the first look-up: a workspace asked for nothing between two edits spends nothing on it. */
  constructor(private readonly clusters: readonly ClaimCluster[], makeByDoc: () => ReadonlyMap<string, ReadonlyMap<string, V>>, idOf: (v: V) => string | undefined) {
    super();
    this.#makeByDoc = makeByDoc;
    this.#idOf = idOf;
  }

  private get byDoc(): ReadonlyMap<string, ReadonlyMap<string, V>> {
    this.#byDoc ??= this.#makeByDoc();
    return this.#byDoc;
  }

  get(key: string): string | undefined {
    if (this.built) return this.built.get(key);
    // Ids with "#" in them could be cut in more than one place: then the plain map answers.
    const cut = key.lastIndexOf('#');
    if (cut < 0) return undefined;
    if (key.indexOf('#') !== cut) return this.all().get(key);
    const v = this.byDoc.get(key.slice(0, cut))?.get(key.slice(cut + 1));
    return v === undefined ? undefined : this.#idOf(v);
  }


  protected build(): Map<string, string> {
    const map = new Map<string, string>();
      for (const c of this.clusters) for (const r of c.claims) map.set(`${r.doc}#${r.claim}`, c.id);
    return map;
  }
}

/** The typed differences of every two claims of a cluster from different documents, in member order. */
function differencesOf(members: readonly Item[], earlier?: ReadonlyMap<Item, Earlier>): ClaimDifference[] {
  const out: ClaimDifference[] = [];
  const named = new Map<Item, Map<string, Named>>();
  for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
    const a = members[x]!, b = members[y]!;
    if (a.doc === b.doc) continue;
    // Two claims that were in one published cluster before, in the same order, were compared then: they differ alike.
    const ea = earlier?.get(a), eb = ea && earlier!.get(b);
    if (eb && ea.published === eb.published && ea.at < eb.at) {
      const ds = pairDifferences(ea.published).get(pairKey(a, b));
      if (ds) for (const d of ds) out.push(d);
      continue;
    }
    for (const d of compare(a, b, named)) out.push(d);
  }
  return out;
}

/** A cluster as published: its claims, the cluster value and its place among the clusters (`k${no}`), both renumbered in place. */
interface Published { readonly claims: readonly Item[]; cluster: ClaimCluster; no: number }
/** A claim's (or its old version's) place among the claims of a cluster published before. */
interface Earlier { readonly published: Published; readonly at: number }

const pairKey = (a: Item, b: Item): string => `${a.doc.id}\u0000${a.claim.id}\u0001${b.doc.id}\u0000${b.claim.id}`;
const byPair = new WeakMap<Published, Map<string, ClaimDifference[]>>();
/** A published cluster's differences by the pair of claims they are of (claim ids are unique within a cluster). */
function pairDifferences(p: Published): ReadonlyMap<string, readonly ClaimDifference[]> {
  let m = byPair.get(p);
  if (!m) {
    m = new Map();
    for (const d of p.cluster.differences) {
      const [x, y] = d.claims as [ClaimRef, ClaimRef];
      const key = `${x.doc}\u0000${x.claim}\u0001${y.doc}\u0000${y.claim}`;
      (m.get(key) ?? m.set(key, []).get(key)!).push(d);
    }
    byPair.set(p, m);
  }
  return m;
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
function keyIdsOf(it: Item, table: KeyTable): readonly number[] {
  if (it.keyIds && it.keyGeneration === table.generation) return it.keyIds;
  const keys = keysOf(it);
  // A plain array of small integers: a typed array costs two objects and a buffer of its own, per claim.
  const ids = keys.map((k) => {
    let id = table.ids.get(k);
    if (id === undefined) { id = table.ids.size; table.ids.set(k, id); table.weights.push(keyWeight(k)); }
    return id;
  });
  it.keyIds = ids;
  it.keyGeneration = table.generation;
  return ids;
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
  readonly prepared = new WeakMap<AnalyzedDocument, { readonly ids: readonly string[]; readonly items: readonly Item[]; given: readonly (string | undefined)[] | undefined }>();
  /** Signature (as a pair of hashes) -> a small id. */
  readonly signatures = new Map<string, number>();
  /** `signature(a) * SIGNATURE_SPACE + signature(b)` -> score. */
  readonly scores = new ScoreTable(1 << 16);
  /** Index keys as ids. */
  readonly keys = new KeyTable();
  /** Bumped when `signatures` starts again: a claim's remembered signature id is valid under one generation. */
  generation = 0;
  /**
   * The last alignment: its documents in order, the index over their claims, its posting limit, the key table's
   * generation it was built under and the mark its documents carry. Null when the next alignment must start from nothing.
   */
  state: { readonly slots: readonly DocSlot[]; readonly postings: Postings; readonly maxPosting: number; readonly keyGeneration: number; readonly mark: number } | null = null;
  /** The clusters published before, by claim, of the claims clustered again since (for their differences). */
  earlier: ReadonlyMap<Item, Earlier> | undefined = undefined;
  /** A counter for marks on claims and documents. */
  round = 0;
  /** The documents of the last alignment, the entity ids they were prepared under and their prepared claims. */
  lastPrepared: { readonly docs: readonly AnalyzedDocument[]; readonly idsByDoc: ReadonlyMap<string, readonly (string | undefined)[]>; readonly perDoc: readonly (readonly Item[])[] } | null = null;
  /** The documents of the last alignment, their ids, and whether two of them were the same. */
  lastIds: { readonly docs: readonly AnalyzedDocument[]; readonly ids: readonly string[]; readonly twice: boolean } | null = null;
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
 * Clusters one component of the edge graph (its claims in reading order): best edges first (ties in reading order of
 * their claims, then candidate order), a claim joins a cluster only if the cluster has no other claim of its document
 * that it does not match. A cluster never reaches beyond a component, so each component is clustered on its own.
 */
function clusterComponent(comp: readonly Item[]): void {
  const n = comp.length;
  let m = 0;
  comp.forEach((it, i) => { it.index = i; it.cluster = null; m += it.edges!.others.length; });
  // Edges as parallel arrays (a component of wire copies has thousands): a < b, scored.
  const ea = ints(0, m), eb = ints(1, m), es = doubles(0, m);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const { others, scores } = comp[i]!.edges!;
    for (let k = 0; k < others.length; k++, e++) { ea[e] = i; eb[e] = others[k]!.index; es[e] = scores[k]!; }
  }
  const edges = ints(2, m);
  for (let k = 0; k < m; k++) edges[k] = k;
  const keys = doubles(1, m);
  for (let k = 0; k < m; k++) keys[k] = ea[k]! * n + eb[k]!;
  keys.sort();
  const linked = (a: number, b: number): boolean => {
    const key = a < b ? a * n + b : b * n + a;
    let lo = 0, hi = keys.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid]! < key) lo = mid + 1; else hi = mid; }
    return lo < keys.length && keys[lo] === key;
  };
  byScore(edges, es);
  const clusterOfItem = ints(3, n).fill(-1);
  const clusterItems: number[][] = [];
  for (const k of edges) {
    const a = ea[k]!, b = eb[k]!;
    const ca = clusterOfItem[a]!, cb = clusterOfItem[b]!;
    if (ca < 0 && cb < 0) {
      clusterOfItem[a] = clusterItems.length; clusterOfItem[b] = clusterItems.length;
      clusterItems.push([a, b]);
    } else if (ca >= 0 && cb < 0) {
      if (fits(clusterItems[ca]!, b, comp, linked)) { clusterItems[ca]!.push(b); clusterOfItem[b] = ca; }
    } else if (cb >= 0 && ca < 0) {
      if (fits(clusterItems[cb]!, a, comp, linked)) { clusterItems[cb]!.push(a); clusterOfItem[a] = cb; }
    }
  }
  for (const members of clusterItems) {
    const claims = members.sort((x, y) => x - y).map((i) => comp[i]!);
    for (const it of claims) it.cluster = claims;
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
  const distinct = doubles(2, m);
  for (let p = 0; p < m; p++) distinct[p] = es[edges[p]!]!;
  distinct.sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (i === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i]!;
  const packed = doubles(3, m);
  for (let p = 0; p < m; p++) {
    const s = es[edges[p]!]!;
    let lo = 0, hi = u;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (distinct[mid]! < s) lo = mid + 1; else hi = mid; }
    packed[p] = (u - 1 - lo) * 2 ** 21 + p; // higher score, smaller rank; then the place
  }
  packed.sort();
  const copy = ints(4, m);
  copy.set(edges);
  for (let p = 0; p < m; p++) edges[p] = copy[packed[p]! % 2 ** 21]!;
}

/*
 * Scratch arrays for clustering, reused from component to component: a workspace has tens of thousands of components,
 * and typed arrays of their own for each churned the allocator. Views of `n` elements; the arrays kept are small.
 */
const intScratch: Int32Array[] = [], doubleScratch: Float64Array[] = [];
const KEEP_SCRATCH = 1 << 16;
function ints(slot: number, n: number): Int32Array {
  if (n > KEEP_SCRATCH) return new Int32Array(n);
  let b = intScratch[slot];
  if (!b || b.length < n) intScratch[slot] = b = new Int32Array(Math.min(KEEP_SCRATCH, Math.max(n, 2 * (b?.length ?? 256))));
  return b.subarray(0, n);
}
function doubles(slot: number, n: number): Float64Array {
  if (n > KEEP_SCRATCH) return new Float64Array(n);
  let b = doubleScratch[slot];
  if (!b || b.length < n) doubleScratch[slot] = b = new Float64Array(Math.min(KEEP_SCRATCH, Math.max(n, 2 * (b?.length ?? 256))));
  return b.subarray(0, n);
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
  const all = tokenView(doc.text, a).overlapping(claim).filter((t) => !dateSpans.some((d) => d.start <= t.start && d.end >= t.end));
  const stripped = skip.length ? all.filter((t) => !skip.some((s) => s.start <= t.start && s.end >= t.end)) : all;
  return { all, stripped, skips: skip.length > 0 };
}

/**
 * The claim's tokens minus its source and cue (when `prepare` left them out), for spans and negation scope. The last
 * few claims' are remembered: a cluster's differences read each member's again for every other member.
 */
function tokensOf(it: Item): readonly Token[] {
  let toks = recentTokens.get(it);
  if (!toks) {
    const t = claimTokens(it.doc, it.claim, it.attribution);
    toks = it.stripped ? t.stripped : t.all;
    if (recentTokens.size >= 256) recentTokens.clear();
    recentTokens.set(it, toks);
  }
  return toks;
}
const recentTokens = new Map<Item, readonly Token[]>();

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
    mentions: compact(mentions), mentionIds: compact(mentionIds), stripped: tokens !== all, slot: null, no: -1, index: -1, mark: -1, acc: 0, comp: null, published: null,
    keyIds: undefined, keyGeneration: -1, withheld: undefined, negation: undefined, plain: undefined, countries: undefined, ref: undefined, sig: -1, sigGeneration: -1, cluster: null, edges: undefined,
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
 * everything computed from them (sets, n-grams, idf masses). Terms are values, never modified. They are found by a
 * hash of their words (the words themselves as keys were a tenth of a large workspace's memory) and compared in full.
 */
function shared(t: ClaimTerms): ClaimTerms {
  const key = contentHash(JSON.stringify([t.seq, [...t.content], [...t.names], [...t.numbers], t.negated]));
  const hit = sharedTerms.get(key);
  if (hit) return sameTerms(hit, t) ? hit : t;
  if (sharedTerms.size >= 200_000) sharedTerms.clear();
  sharedTerms.set(key, t);
  return t;
}

/** Whether two prepared terms are equal values: the same words, sets in the same order, the same negation. */
function sameTerms(a: ClaimTerms, b: ClaimTerms): boolean {
  const sameList = (x: Iterable<string>, y: Iterable<string>): boolean => {
    const ys = [...y];
    let i = 0;
    for (const v of x) if (v !== ys[i++]) return false;
    return i === ys.length;
  };
  return a.negated === b.negated && sameList(a.seq, b.seq) && sameList(a.content, b.content) && sameList(a.names, b.names) && sameList(a.numbers, b.numbers);
}

/** First index whose key is at least `at` in a list sorted by that key (sentences by end, entities by start). */
function lowerBound<T>(xs: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(xs[mid]!) < at) lo = mid + 1; else hi = mid; }
  return lo;
}

interface DocContext { readonly datesOfSentence: ReadonlyMap<number, readonly string[]> }
/**
 * Per-document lookups built once per document while its claims are prepared (one after the other), so preparing every
 * claim stays linear in the document's size; only the last document's are kept (the claims keep what they read).
 */
let lastContext: { readonly doc: AnalyzedDocument; readonly ctx: DocContext } | null = null;
function docContext(doc: AnalyzedDocument): DocContext {
  let ctx = lastContext?.doc === doc ? lastContext.ctx : undefined;
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
    lastContext = { doc, ctx };
  }
  return ctx;
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
  const refs: ClaimRef[] = [refOf(a), refOf(b)];
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


/** `{doc, claim}` of a claim, made once: every cluster and difference that names it shares it (values, never changed). */
function refOf(it: Item): ClaimRef {
  return (it.ref ??= { doc: it.doc.id, claim: it.claim.id });
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
  const toks = tokenView(it.doc.text, it.doc.analysis);
  const i = toks.firstFrom(m.start);
  if (i >= toks.length || toks.startOf(i) !== m.start) return null;
  let first = i;
  while (first > 0 && TITLE.test(toks.at(first - 1).text) && i - first < 4) first--;
  if (first === i) return null;
  return { start: toks.startOf(first), end: toks.endOf(i - 1), text: it.doc.text.slice(toks.startOf(first), toks.endOf(i - 1)) };
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
  const within = tokenView(it.doc.text, it.doc.analysis).overlapping(it.claim);
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
