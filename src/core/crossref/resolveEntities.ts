import { LazyMapView } from './mapView';
import type { AliasFile, AnalyzedDocument, EntityMention, EntityType, MentionRef, WorkspaceEntity } from '../types';
import { acronymOf, countryKey, givenNamesMatch, isAcronym, nameWords, orgCoreKey, orgKey, personName, skeleton, surnamesMatch, translitKey, type PersonName } from './names';
import { memoize } from '../index/memo';

/** Types that name something and get a workspace entity. */
const NAME_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'MISC']);
/** Types compared with each other: a place tagged GPE in one article and LOC in another is one place. */
const FAMILY: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', NORP: 'NORP', EVENT: 'MISC', MISC: 'MISC' };

interface Node {
  readonly ref: MentionRef;
  readonly text: string;
  readonly type: EntityType;
  readonly family: string;
  readonly key: string;
  readonly person: PersonName | null;
  /** Written out in full ("Apple Inc."): its compared form is not its key. */
  readonly named: boolean;
}

/** A per-document group of mentions (a name and its short forms), the unit merged across documents. */
interface Group {
  readonly doc: string;
  readonly family: string;
  nodes: Node[];
  /** Comparable keys, distinct: person "given|surname" or org/place keys, acronyms. */
  keys: readonly string[];
  /** Nodes that joined as a shortened form ("Northrop" of "Northrop Grumman"): not used to match other articles. */
  short: ReadonlySet<Node>;
  person: PersonName | null;
  /** For a person, the transliteration key of the best name's surname, and whether that name has a given name. */
  surnameKey: string | null;
  fullPerson: boolean;
  /** What `matches` reads of the group, as one number (see `joinBlocksByClass`), and the tables' generation it is of. */
  matchClass: number;
  matchGeneration: number;
  /*
   * Its description and person ids (`descriptionId`, `personId`) and the tables' generations they are of: kept on the
   * group rather than in weak maps (hundreds of thousands of groups; weak map entries cost more than fields).
   */
  descriptionId: number;
  descriptionGeneration: number;
  personId: number;
  personGeneration: number;
  /** Numbered in the order groups are made (or taken over from the document's last version), for `stableIdsByDoc`. */
  uid: number;
}
let nextUid = 0;

class UnionFind {
  private readonly parent: number[] = [];
  add(): number { this.parent.push(this.parent.length); return this.parent.length - 1; }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) { const n = this.parent[x]!; this.parent[x] = r; x = n; }
    return r;
  }
  union(a: number, b: number): number { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent[rb] = ra; return ra; }
}

/** A name as compared: words without "the" and without full stops, e.g. "the U.S. Treasury" -> "us treasury". Remembered. */
const norm = memoize(100_000, (s: string): string => nameWords(s).filter((w) => w !== 'the').join(' ').replace(/\./g, ''));
/**
 * One string for equal keys: a workspace names the same people and places in thousands of articles, and each of them
 * would otherwise keep copies of the same keys ("s:basiuk", "n:united states").
 */
const interned = memoize(200_000, (s: string): string => s);
/** `localeCompare` without its per-call set-up (the same ordering, by definition). */
const collate = new Intl.Collator().compare;

function makeNode(ref: MentionRef, m: EntityMention): Node {
  const family = Object.hasOwn(FAMILY, m.type) ? FAMILY[m.type]! : 'MISC';
  const person = family === 'PER' ? personName(m.text) : null;
  let key: string;
  if (family === 'PER') key = [...person!.given, person!.surname].join(' ');
  else if (family === 'LOC') key = countryKey(m.text) ?? orgKey(m.text);
  else if (family === 'ORG') key = countryKey(m.text) ?? orgKey(m.text);
  else if (family === 'MISC') key = countryKey(m.text) ?? norm(m.text);
  else key = norm(m.text);
  return { ref, text: m.text, type: m.type, family, key: interned(key), person, named: norm(m.text) !== key };
}

/**
 * Resolves every name mention of the workspace to an entity: within an article, short forms join the full name
 * ("Basiuk" -> "Oded Basiuk", "GM" -> "General Motors"); across articles, spelling variants merge when the type agrees and
 * the names are compatible ("Oded Basiuk" = "Oded Bashk", "al-Sharaa" = "Shala"), never on sound alone ("Bashk" ≠ "Bashar al-Assad").
 * User aliases decide first: `same` groups are merged, `different` pairs are never merged.
 */
export function resolveEntities(docs: readonly AnalyzedDocument[], aliases: AliasFile, cache?: EntityCache): ResolvedEntities {
  const different = new Map<string, Set<string>>();
  for (const [a, b] of aliases.different) {
    const x = norm(a), y = norm(b);
    (different.get(x) ?? different.set(x, new Set()).get(x)!).add(y);
    (different.get(y) ?? different.set(y, new Set()).get(y)!).add(x);
  }
  const sameKey = new Map<string, number>();
  aliases.same.forEach((g, i) => g.forEach((n) => sameKey.set(norm(n), i)));

  if (cache && cache.aliases !== aliases) cache.reset(aliases);
  if (!cache) return resolveGroups(docs.flatMap((d) => groupDocument(d, different)), different, sameKey);
  const last = cache.last;
  const sequence: (readonly Group[])[] = [];
  let same = !!last && last.docs.length === docs.length;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const was = last?.docs[i];
    // A document's groups depend only on its analysis and the "different" aliases: kept until either changes.
    let g = was === d ? last!.sequence[i] : cache.groups.get(d);
    if (!g) {
      g = groupDocument(d, different);
      // An edit that leaves every name where it was (most typing) gives groups equal to the old ones: those stand.
      const before = was && was.id === d.id ? last!.sequence[i] : undefined;
      if (before && sameGroups(before, g)) g = before;
      else if (before) inheritUids(before, g);
      cache.groups.set(d, g);
    }
    sequence.push(g);
    same &&= g === last!.sequence[i] && (d === was || d.id === was!.id);
  }
  // The resolution is a function of the groups in order (and the aliases): the very same groups give the same result.
  const result = same ? { ...last!.result, entities: last!.result.entities.slice() } : resolveGroups(sequence.flat(), different, sameKey, cache);
  cache.last = { docs: docs.slice(), sequence, result };
  return result;
}

/**
 * The groups of a document's new version take the numbers of the old version's groups with the same family and keys,
 * so that an entity named by one of them keeps its stable id (a name added to an article leaves its other names' ids).
 */
function inheritUids(before: readonly Group[], now: readonly Group[]): void {
  const free = new Map<string, number[]>();
  const sig = (g: Group): string => `${g.family}|${g.keys.join('\u0001')}`;
  for (const g of before) { const k = sig(g); (free.get(k) ?? free.set(k, []).get(k)!).push(g.uid); }
  for (const g of now) { const uids = free.get(sig(g)); if (uids?.length) g.uid = uids.shift()!; }
}

/** True when two lists of one document's groups are equal values: the same names, in the same places, grouped alike. */
function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x.doc !== y.doc || x.family !== y.family || x.nodes.length !== y.nodes.length || x.keys.length !== y.keys.length || x.short.size !== y.short.size) return false;
    if (x.surnameKey !== y.surnameKey || x.fullPerson !== y.fullPerson || x.keys.some((k, j) => k !== y.keys[j])) return false;
    for (let j = 0; j < x.nodes.length; j++) {
      const m = x.nodes[j]!, n = y.nodes[j]!;
      if (m.ref.index !== n.ref.index || m.text !== n.text || m.type !== n.type || m.key !== n.key || m.named !== n.named || x.short.has(m) !== y.short.has(n)) return false;
    }
  }
  return true;
}

/** The cross-document part of `resolveEntities`, over the groups of every document in order. */
function resolveGroups(groups: Group[], different: ReadonlyMap<string, ReadonlySet<string>>, sameKey: ReadonlyMap<string, number>, cache?: EntityCache): ResolvedEntities {

  // Union groups across documents; candidates come from blocking keys only.
  const uf = new UnionFind();
  groups.forEach(() => uf.add());
  // The names of each merged entity matter only for "different" aliases; without any they are not tracked.
  const variantsOf = new Map<number, ReadonlySet<string>>(different.size ? groups.map((g, i) => [i, variantsOfGroup(g)]) : []);
  const conflicts = (a: number, b: number): boolean => {
    if (!different.size) return false;
    const va = variantsOf.get(uf.find(a))!, vb = variantsOf.get(uf.find(b))!;
    for (const x of va) { const bad = different.get(x); if (bad) for (const y of vb) if (bad.has(y)) return true; }
    return false;
  };
  const join = (a: number, b: number): void => {
    const ra = uf.find(a), rb = uf.find(b);
    if (ra === rb) return;
    if (!different.size) { uf.union(ra, rb); return; }
    const merged = new Set([...variantsOf.get(ra)!, ...variantsOf.get(rb)!]);
    const r = uf.union(ra, rb);
    variantsOf.set(r, merged);
  };
  // User "same" groups first.
  const bySame = new Map<number, number>();
  // (Without "same" aliases no name is looked up: a workspace has hundreds of thousands of them.)
  if (sameKey.size) groups.forEach((g, i) => {
    for (const n of g.nodes) {
      const s = sameKey.get(norm(n.text));
      if (s === undefined) continue;
      const prev = bySame.get(s);
      if (prev === undefined) bySame.set(s, i); else join(prev, i);
    }
  });

  const blocks = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const k of blockKeys(g)) (blocks.get(k) ?? blocks.set(k, []).get(k)!).push(i);
  });
  // Without "different" aliases the pairs that match form a graph whose connected components are the entities, whatever
  // the order the pairs are met in: they are joined class by class (groups that read alike) instead of pair by pair.
  if (!different.size && joinBlocksByClass(groups, blocks, uf)) {
    attachLoneSurnames(groups, uf, join, conflicts);
    attachShortForms(groups, uf, join, conflicts);
    return numberEntities(groups, uf, cache);
  }
  // Full names first, so that a lone surname then sees which full names it could belong to.
  const order = [...blocks.entries()].sort((x, y) => collate(x[0], y[0]));
  for (const [, members] of order) {
    if (members.length > 2000) continue; // a key shared by thousands of groups says nothing
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
      const a = members[x]!, b = members[y]!;
      const ga = groups[a]!, gb = groups[b]!;
      if (ga.doc === gb.doc || !compatible(ga.family, gb.family)) continue;
      // A pair met again in another block is simply judged again: a match stays a match and a conflict stays a conflict
      // (merged entities only gain names), so only pairs already joined are skipped, with no set of pairs tried.
      if (uf.find(a) === uf.find(b)) continue;
      if (matches(ga, gb) && !conflicts(a, b)) join(a, b);
    }
  }
  // Lone surnames ("Assad" in an article that never gives the full name) join the one full name they fit, if unique.
  attachLoneSurnames(groups, uf, join, conflicts);
  attachShortForms(groups, uf, join, conflicts);
  return numberEntities(groups, uf, cache);
}

/** The entities numbered by first appearance, each with its mentions, and every mention's entity id. */
function numberEntities(groups: readonly Group[], uf: UnionFind, cache?: EntityCache): ResolvedEntities {
  const kept = new Map<Node, { readonly nodes: readonly Node[]; readonly entity: WorkspaceEntity }>();
  const entities: WorkspaceEntity[] = [];
  const idsByDoc = new Map<string, string[]>(), stableIdsByDoc = new Map<string, string[]>();
  let lastDoc = '', lastIds: string[] = [], lastStable: string[] = [];
  const idOfRoot = new Map<number, number>();
  const members = new Map<number, Node[]>();
  // Per entity, its oldest group: the entity keeps that name while the group stands, whatever is edited elsewhere.
  const oldest = new Map<number, number>();
  groups.forEach((g, i) => {
    const r = uf.find(i);
    if (!idOfRoot.has(r)) idOfRoot.set(r, idOfRoot.size);
    (members.get(r) ?? members.set(r, []).get(r)!).push(...g.nodes);
    const o = oldest.get(r);
    if (o === undefined || g.uid < o) oldest.set(r, g.uid);
  });
  for (const [r, nodes] of members) {
    const id = `e${idOfRoot.get(r)!}`, stable = `e${oldest.get(r)!}`;
    for (const n of nodes) {
      if (n.ref.doc !== lastDoc || !lastIds) {
        lastDoc = n.ref.doc;
        lastIds = idsByDoc.get(lastDoc) ?? idsByDoc.set(lastDoc, []).get(lastDoc)!;
        lastStable = stableIdsByDoc.get(lastDoc) ?? stableIdsByDoc.set(lastDoc, []).get(lastDoc)!;
      }
      lastIds[n.ref.index] = id;
      lastStable[n.ref.index] = stable;
    }
    // An entity of the very same mentions under the same id as last time is the same value: it is kept, not rebuilt.
    const before = cache?.entities.get(nodes[0]!);
    // Under another id (an entity named earlier in the workspace came or went) it is the same value renumbered.
    const same = !!before && before.nodes.length === nodes.length && before.nodes.every((n, k) => n === nodes[k]);
    const b = same ? before.entity : null;
    const entity = b && b.id === id ? b : b ? { id, name: b.name, type: b.type, variants: b.variants, mentions: b.mentions } : { id, name: displayName(nodes), type: majorityType(nodes), variants: [...new Set(nodes.map((n) => n.text))], mentions: nodes.map((n) => n.ref) };
    if (cache) kept.set(nodes[0]!, entity === b ? before! : { nodes: same ? before!.nodes : nodes, entity });
    entities.push(entity);
  }
  if (cache) cache.entities = kept;
  entities.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  // Two entities under one stable id (a group number taken over while its old group is still in use, as with one
  // document given twice): the published ids serve instead.
  const distinct = new Set(oldest.values()).size === oldest.size;
  return { entities, entityOf: new EntityOf(entities, idsByDoc), idsByDoc, stableIdsByDoc: distinct ? stableIdsByDoc : idsByDoc };
}

/**
 * `doc#index` -> entity id, read from the ids by document rather than kept as a map of its own (a workspace has
 * hundreds of thousands of mentions, and a key string each): `entityOf.get("a.txt#3")` -> "e12". Iterating it builds
 * the map once, in the order the mentions are listed by entity.
 */
class EntityOf extends LazyMapView {
  constructor(private readonly entities: readonly WorkspaceEntity[], private readonly byDoc: ReadonlyMap<string, readonly (string | undefined)[]>) { super(); }

  get(key: string): string | undefined {
    const cut = key.lastIndexOf('#');
    if (cut < 0) return undefined;
    const ids = this.byDoc.get(key.slice(0, cut));
    if (!ids) return undefined;
    const at = key.slice(cut + 1);
    const i = Number(at);
    // Only the canonical spelling of an index names a mention, as in a map keyed by `${doc}#${index}`.
    if (!Number.isInteger(i) || i < 0 || String(i) !== at || !Object.hasOwn(ids, i)) return undefined;
    return ids[i];
  }


  protected build(): Map<string, string> {
    const map = new Map<string, string>();
      // In the order, and with the last-set value, of the ids by document.
      for (const e of this.entities) for (const m of e.mentions) map.set(`${m.doc}#${m.index}`, e.id);
    return map;
  }
}

/** The workspace entities, the entity id of every mention (`doc#index`), and the same ids by document and mention index. */
export interface ResolvedEntities {
  entities: WorkspaceEntity[];
  entityOf: ReadonlyMap<string, string>;
  idsByDoc: ReadonlyMap<string, readonly (string | undefined)[]>;
  /**
   * The same partition of mentions under ids that an edit elsewhere does not renumber (an entity is named by its
   * oldest group): what the claim alignment keys on, so that a name added to the first article does not make every
   * article's claims new. Not the published ids.
   */
  stableIdsByDoc: ReadonlyMap<string, readonly (string | undefined)[]>;
}

/**
 * The block pass of `resolveEntities` when no "different" aliases apply: within a block, groups with the same match
 * class (what `matches` reads of them) match the same groups, so each pair of classes is judged once and its members
 * are joined as the pair-by-pair loop would join them: every two groups of different articles whose classes match.
 * False (nothing joined) when the class numbering started again meanwhile, or a pair of classes judges differently in
 * its two orders: the caller then takes the pair-by-pair loop.
 */
function joinBlocksByClass(groups: readonly Group[], blocks: ReadonlyMap<string, number[]>, uf: UnionFind): boolean {
  const gen = descriptionGeneration * 4096 + personGeneration;
  const classKey = (i: number): number => {
    const g = groups[i]!;
    if (g.matchGeneration !== gen) {
      g.matchClass = descriptionId(g) * 2 ** 21 + (g.family === 'PER' ? personId(g) + 1 : 0);
      g.matchGeneration = gen;
    }
    return g.matchClass;
  };
  const unions: [number, number][] = [];
  for (const members of blocks.values()) {
    if (members.length > 2000 || members.length < 2) continue; // a key shared by thousands of groups says nothing
    const byClass = new Map<number, number[]>();
    for (const m of members) { const c = classKey(m); (byClass.get(c) ?? byClass.set(c, []).get(c)!).push(m); }
    const classes = [...byClass.values()];
    for (let x = 0; x < classes.length; x++) {
      const A = classes[x]!;
      const ga = groups[A[0]!]!;
      for (let y = x; y < classes.length; y++) {
        const B = classes[y]!;
        const gb = groups[B[0]!]!;
        if (!compatible(ga.family, gb.family)) continue;
        if (x === y) {
          if (A.length < 2) continue;
          const other = A.find((m) => groups[m]!.doc !== ga.doc);
          // Two groups of one class from different articles: all of the class is one entity, or none of it matches.
          if (other !== undefined && matches(ga, groups[other]!)) for (const m of A) unions.push([A[0]!, m]);
          continue;
        }
        const ab = matches(ga, gb), ba = matches(gb, ga);
        if (ab !== ba) return false;
        if (ab) joinAcross(groups, A, B, unions);
      }
    }
  }
  if (descriptionGeneration * 4096 + personGeneration !== gen) return false;
  for (const [a, b] of unions) uf.union(a, b);
  return true;
}

/**
 * Joins what the pairs (a of A, b of B, from different articles) join. Among three or more articles every group with
 * such a partner is in one component; between two articles d and e, A's groups in d go with B's in e and A's in e with B's in d.
 */
function joinAcross(groups: readonly Group[], A: readonly number[], B: readonly number[], unions: [number, number][]): void {
  const docsA = new Set(A.map((m) => groups[m]!.doc)), docsB = new Set(B.map((m) => groups[m]!.doc));
  const docs = new Set([...docsA, ...docsB]);
  if (docs.size < 2) return;
  if (docs.size === 2) {
    const [d, e] = [...docs] as [string, string];
    for (const [x, y] of [[d, e], [e, d]] as const) {
      const side = [...A.filter((m) => groups[m]!.doc === x), ...B.filter((m) => groups[m]!.doc === y)];
      if (A.some((m) => groups[m]!.doc === x) && B.some((m) => groups[m]!.doc === y)) for (const m of side) unions.push([side[0]!, m]);
    }
    return;
  }
  // A group is left out only when every partner it could have is in its own article.
  const lone = (docsOther: ReadonlySet<string>, doc: string): boolean => docsOther.size === 1 && docsOther.has(doc);
  let first = -1;
  for (const m of A) if (!lone(docsB, groups[m]!.doc)) { if (first < 0) first = m; unions.push([first, m]); }
  for (const m of B) if (!lone(docsA, groups[m]!.doc)) { if (first < 0) first = m; unions.push([first, m]); }
}

/**
 * What a workspace keeps between two entity resolutions: each document's groups, so that after an edit only the
 * changed document is grouped again. `resolveEntities(docs, aliases, cache)` equals
 * `resolveEntities(docs, aliases)`.
 */
export class EntityCache {
  aliases: AliasFile | null = null;
  groups = new WeakMap<AnalyzedDocument, readonly Group[]>();
  /** The entities of the last resolution by their first mention, with their mentions. */
  entities = new Map<Node, { readonly nodes: readonly Node[]; readonly entity: WorkspaceEntity }>();
  /** The last resolution, with the documents and their groups it was computed from. */
  last: { readonly docs: readonly AnalyzedDocument[]; readonly sequence: readonly (readonly Group[])[]; readonly result: ResolvedEntities } | null = null;
  reset(aliases: AliasFile): void {
    this.aliases = aliases;
    this.groups = new WeakMap();
    this.entities = new Map();
    this.last = null;
  }
}

/** `groupsMatch`, remembered by what it reads of the two groups (groups are immutable once built). */
function matches(a: Group, b: Group): boolean {
  // Two people match by their best names alone, and a workspace has far fewer names than pairs of mentions of them.
  if (a.family === 'PER' && b.family === 'PER') return personsMatch(a, b);
  return namesMatch(a, b);
}

/** What `groupsMatch` reads of a person group (whether it has a given name, the first one, the surname), as an id. */
const personKeys = new Map<string, number>();
const personPairs = new Map<number, boolean>();
let personGeneration = 0;
function personId(g: Group): number {
  if (g.personGeneration === personGeneration) return g.personId;
  const p = bestPerson(g);
  const key = p ? `${p.given.length ? 'g' : 'n'}${p.given[0] ?? ''}\u0001${p.surname}` : '';
  let id = personKeys.get(key);
  if (id === undefined) {
    if (personKeys.size >= 1 << 20) { personKeys.clear(); personPairs.clear(); personGeneration++; }
    id = personKeys.size;
    personKeys.set(key, id);
  }
  g.personId = id;
  g.personGeneration = personGeneration;
  return id;
}
/**
 * What `groupsMatch` reads of a group other than a person's: its family and, per name, whether it is a short form, its
 * family, whether a person's name has a given name, whether it is an acronym, and its key. Wire copies of one article
 * give equal descriptions, so pairs of them are judged once.
 */
const descriptions = new Map<string, number>();
const describedPairs = new Map<number, boolean>();
let descriptionGeneration = 0;
function descriptionId(g: Group): number {
  if (g.descriptionGeneration === descriptionGeneration) return g.descriptionId;
  const names = [...new Set(g.nodes.map((n) => JSON.stringify([g.short.has(n), n.family, !!n.person?.given.length, isAcronym(n.text), n.key])))].sort();
  const key = JSON.stringify([g.family, names]);
  let id = descriptions.get(key);
  if (id === undefined) {
    if (descriptions.size >= 1 << 20) { descriptions.clear(); describedPairs.clear(); descriptionGeneration++; }
    id = descriptions.size;
    descriptions.set(key, id);
  }
  g.descriptionId = id;
  g.descriptionGeneration = descriptionGeneration;
  return id;
}
/** `groupsMatch` of two groups, remembered per pair of descriptions. */
function namesMatch(a: Group, b: Group): boolean {
  const x = descriptionId(a);
  const y = descriptionId(b);
  if (a.descriptionGeneration !== descriptionGeneration) return namesMatch(a, b);
  return rememberedPair(describedPairs, x, y, a, b);
}

/** `groupsMatch` of two person groups, remembered per pair of names. */
function personsMatch(a: Group, b: Group): boolean {
  const x = personId(a);
  const y = personId(b);
  const gen = personGeneration;
  // Taking the second id may have started the tables again: then the first is taken again too.
  if (a.personGeneration !== gen) return personsMatch(a, b);
  return rememberedPair(personPairs, x, y, a, b);
}

/** `groupsMatch(a, b)` remembered in `table` under the pair of ids (x, y); the table is bounded. */
function rememberedPair(table: Map<number, boolean>, x: number, y: number, a: Group, b: Group): boolean {
  const key = x * 2 ** 21 + y;
  let m = table.get(key);
  if (m === undefined) {
    m = groupsMatch(a, b);
    if (table.size >= 2_000_000) table.clear();
    table.set(key, m);
  }
  return m;
}

const groupVariants = new WeakMap<Group, ReadonlySet<string>>();
/** The compared forms of a group's names; groups never change once built, so they are computed once. */
function variantsOfGroup(g: Group): ReadonlySet<string> {
  let v = groupVariants.get(g);
  if (!v) { v = new Set(g.nodes.map((n) => norm(n.text))); groupVariants.set(g, v); }
  return v;
}

/** Groups one document's mentions: exact repeats, short forms of a full name, acronyms of a long name. */
function groupDocument(doc: AnalyzedDocument, different: ReadonlyMap<string, ReadonlySet<string>>): Group[] {
  const nodes: Node[] = [];
  doc.analysis.entities.forEach((m, index) => {
    if (NAME_TYPES.has(m.type) && /\p{L}/u.test(m.text)) nodes.push(makeNode({ doc: doc.id, index }, m));
  });
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const forbidden = (g: Group, n: Node): boolean => {
    const bad = different.get(norm(n.text));
    return !!bad && g.nodes.some((x) => bad.has(norm(x.text)));
  };
  const groupOf = new Map<Node, Group>();
  const fullNames = new Map<string, Group[]>();
  const add = (g: Group, n: Node): void => { g.nodes.push(n); groupOf.set(n, g); };
  // "Northwind Motors (NWM)": an acronym in brackets right after a name defines it.
  const defined = new Map<Node, Node>();
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i]!, prev = nodes[i - 1]!;
    const m = doc.analysis.entities[n.ref.index]!, pm = doc.analysis.entities[prev.ref.index]!;
    if (isAcronym(n.text) && prev.family === n.family && /^\s{0,2}\(\s{0,2}$/.test(doc.text.slice(pm.end, m.start))) defined.set(n, prev);
  }
  // Pass 1: the longest names found their groups (full person names, long org names).
  const sorted = [...nodes].sort((a, b) => b.key.split(' ').length - a.key.split(' ').length || a.ref.index - b.ref.index);
  for (const n of sorted) {
    // A tagger may call one name ORG here and MISC or LOC there; within an article the same name is one entity.
    const fk = `${n.family === 'PER' || n.family === 'NORP' ? n.family : 'X'}|${n.key}`;
    const same = byKey.get(fk);
    if (same && !forbidden(same, n)) { add(same, n); continue; }
    let host: Group | null = null;
    const definer = defined.get(n);
    if (definer) host = groupOf.get(definer) ?? null;
    else if (n.family === 'PER' && n.person) host = personHost(fullNames.get(translitKey(n.person.surname).charAt(0)) ?? [], n);
    else if (n.family === 'ORG' || n.family === 'LOC' || n.family === 'MISC') {
      host = shortFormHost(groups, n);
      if (host && !forbidden(host, n) && isPrefixForm(host, n)) { add(host, n); (host.short as Set<Node>).add(n); byKey.set(fk, host); continue; }
    }
    if (host && !forbidden(host, n)) { add(host, n); byKey.set(fk, host); continue; }
    const g: Group = { doc: doc.id, family: n.family, nodes: [n], keys: [], person: n.person, short: new Set(), surnameKey: null, fullPerson: false, matchClass: -1, matchGeneration: -1, descriptionId: -1, descriptionGeneration: -1, personId: -1, personGeneration: -1, uid: nextUid++ };
    groupOf.set(n, g);
    groups.push(g);
    // Full names by the first letter of their surname's key: surnames that differ there never match.
    if (g.family === 'PER' && g.person?.given.length) {
      const k = translitKey(g.person.surname).charAt(0);
      (fullNames.get(k) ?? fullNames.set(k, []).get(k)!).push(g);
    }
    byKey.set(fk, g);
  }
  // Kept for the life of the workspace: no empty sets, no spare room (hundreds of thousands of groups).
  for (const g of groups) {
    g.keys = [...groupKeys(g)].map(interned);
    if (!g.short.size) g.short = NO_SHORT;
    if (g.nodes.length > 1) g.nodes = g.nodes.slice();
    const p = g.family === 'PER' ? bestPerson(g) : null;
    if (p) { g.surnameKey = translitKey(p.surname); g.fullPerson = p.given.length > 0; }
  }
  return groups;
}

/** A full name in the same article that a short mention refers to: "Basiuk" -> "Oded Basiuk", "Al-Sharaa" -> "Ahmad al-Sharaa". */
function personHost(groups: readonly Group[], n: Node): Group | null {
  const p = n.person!;
  let best: Group | null = null;
  for (const g of groups) {
    if (g.family !== 'PER' || !g.person || !g.person.given.length) continue;
    const q = g.person;
    if (!surnamesMatch(p.surname, q.surname, false)) continue;
    if (p.given.length && !givenNamesMatch(p.given[0]!, q.given[0]!)) continue;
    // A lone surname must match exactly or by transliteration key; full names may differ more.
    if (!p.given.length && p.surname !== q.surname && translitKey(p.surname) !== translitKey(q.surname)) continue;
    if (best) return null; // two full names share the surname: ambiguous, leave it
    best = g;
  }
  return best;
}

/** A long organisation or place name that a short form stands for: "GM" -> "General Motors", "Northrop" -> "Northrop Grumman". */
/** True when the node joins its host only as a leading part of a longer name ("Dow" of "Dow Jones Industrial Average"). */
function isPrefixForm(host: Group, n: Node): boolean {
  return !isAcronym(n.text) && host.nodes.every((x) => x.key !== n.key && (orgCoreKey(x.key) ?? x.key) !== (orgCoreKey(n.key) ?? n.key));
}

/** Families that one name may carry in different articles when a tagger hesitates: "GM" ORG here, MISC there. */
function compatible(a: string, b: string): boolean {
  if (a === b) return true;
  const loose = new Set(['ORG', 'MISC', 'LOC']);
  return (loose.has(a) && loose.has(b)) || ((a === 'PER' || b === 'PER') && (loose.has(a) || loose.has(b)));
}

function shortFormHost(groups: readonly Group[], n: Node): Group | null {
  const acronym = isAcronym(n.text) ? n.key.replace(/[^a-z]/g, '') : null;
  const words = n.key.split(' ');
  let best: Group | null = null;
  for (const g of groups) {
    if (g.family !== n.family) continue;
    const hit = g.nodes.some((x) => {
      if (acronym && acronymOf(x.key) === acronym) return true;
      if (n.family === 'ORG' && (orgCoreKey(x.key) ?? x.key) === (orgCoreKey(n.key) ?? n.key)) return true;
      const xw = x.key.split(' ');
      // "Northrop" ~ "Northrop Grumman", "Dow Jones" ~ "Dow Jones Industrial Average": the leading words of a longer
      // name of the same type, not of a product ("Airbus" is not "Airbus A330").
      // "Apple Inc." is a full name, not a shortening of "Apple Corps".
      return (n.family === 'ORG' || n.family === 'MISC') && norm(n.text) === n.key && xw.length > words.length && words[0]!.length >= 3 && !/\d/.test(x.key) &&
        words.every((w, i) => xw[i] === w);
    });
    if (!hit) continue;
    if (best && best !== g) return null;
    best = g;
  }
  return best;
}

/** Keys two groups must share to be compared at all. */
function groupKeys(g: Group): Set<string> {
  const keys = new Set<string>();
  for (const n of g.nodes) {
    if (g.short.has(n)) continue;
    if (n.family === 'PER' && n.person) {
      if (n.person.surname) {
        keys.add(`s:${translitKey(n.person.surname)}`);
        keys.add(`k:${skeleton(n.person.surname)}`);
      }
      if (!n.person.given.length) keys.add(`n:${n.key}`);
    } else {
      keys.add(`n:${n.key}`);
      if (n.family === 'ORG') keys.add(`n:${orgCoreKey(n.key) ?? n.key}`);
      const acr = isAcronym(n.text) ? n.key.replace(/[^a-z]/g, '') : acronymOf(n.key);
      if (acr && acr.length >= 2) keys.add(`a:${acr}`);
    }
  }
  return keys;
}

const blockKeys = (g: Group): readonly string[] => g.keys;
const NO_SHORT: ReadonlySet<Node> = new Set();

/** Whether two groups from different articles are one entity. */
function groupsMatch(a: Group, b: Group): boolean {
  if (a.family !== b.family) {
    // Across families only the very same name counts, and a person only by a one-word name ("Chrysler").
    const primary = (g: Group): Node[] => g.nodes.filter((n) => !g.short.has(n) && (n.family !== 'PER' || !n.person?.given.length));
    const pa = primary(a), pb = primary(b);
    const ka = new Set(pa.map((n) => n.key));
    if (pb.some((n) => n.key.length >= 3 && ka.has(n.key))) return true;
    // "DJIA" (ORG) for "Dow Jones Industrial Average" (MISC): an acronym of three letters or more.
    if (a.family === 'PER' || b.family === 'PER') return false;
    const acronyms = (ns: Node[]): Set<string> => new Set(ns.filter((n) => isAcronym(n.text)).map((n) => n.key.replace(/[^a-z]/g, '')).filter((x) => x.length >= 3));
    const longs = (ns: Node[]): Set<string> => new Set(ns.map((n) => acronymOf(n.key)).filter((x): x is string => !!x && x.length >= 3));
    const aa = acronyms(pa), ab = acronyms(pb), la = longs(pa), lb = longs(pb);
    return [...aa].some((x) => lb.has(x)) || [...ab].some((x) => la.has(x));
  }
  if (a.family === 'PER') {
    const pa = bestPerson(a), pb = bestPerson(b);
    if (!pa || !pb) return false;
    if (pa.given.length && pb.given.length) {
      return givenNamesMatch(pa.given[0]!, pb.given[0]!) && surnamesMatch(pa.surname, pb.surname, false);
    }
    // Lone surnames on both sides: only an exact transliteration key.
    if (!pa.given.length && !pb.given.length) return translitKey(pa.surname) === translitKey(pb.surname);
    return false; // a lone surname and a full name: attachLoneSurnames decides
  }
  for (const x of a.nodes) for (const y of b.nodes) {
    if (a.short.has(x) || b.short.has(y)) continue;
    if (x.key === y.key) return true;
    if (a.family === 'ORG' && (orgCoreKey(x.key) ?? x.key) === (orgCoreKey(y.key) ?? y.key)) return true;
    const ax = isAcronym(x.text) ? x.key.replace(/[^a-z]/g, '') : null, ay = isAcronym(y.text) ? y.key.replace(/[^a-z]/g, '') : null;
    if (ax && !ay && acronymOf(y.key) === ax) return true;
    if (ay && !ax && acronymOf(x.key) === ay) return true;
  }
  return false;
}

function bestPerson(g: Group): PersonName | null {
  let best: PersonName | null = null;
  for (const n of g.nodes) if (n.person && (!best || n.person.given.length > best.given.length)) best = n.person;
  return best;
}

function attachLoneSurnames(groups: readonly Group[], uf: UnionFind, join: (a: number, b: number) => void, conflicts: (a: number, b: number) => boolean): void {
  const fullBySurname = new Map<string, Set<number>>();
  groups.forEach((g, i) => {
    if (!g.fullPerson) return;
    const k = g.surnameKey!;
    (fullBySurname.get(k) ?? fullBySurname.set(k, new Set()).get(k)!).add(i);
  });
  groups.forEach((g, i) => {
    if (g.surnameKey === null || g.fullPerson) return;
    const candidates = fullBySurname.get(g.surnameKey);
    if (!candidates) return;
    const roots = new Set([...candidates].map((c) => uf.find(c)));
    if (roots.size !== 1) return; // "Smith" with two different full-name Smiths in the workspace: leave it alone
    const target = [...candidates][0]!;
    if (!conflicts(i, target)) join(target, i);
  });
}

/** The fullest, most used spelling; between equals, the one met first (the first article's "Oded Basiuk", not "Oded Bashk"). */
function displayName(nodes: readonly Node[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.text, (counts.get(n.text) ?? 0) + 1);
  // Map keys keep insertion order, so a stable sort leaves equals in the order they were met.
  return [...counts].sort((a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1])[0]![0];
}

function majorityType(nodes: readonly Node[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * A shortened name standing alone in one article ("Dow Jones") joins the long name that another article shortens the
 * same way ("Dow Jones Industrial Average … the Dow Jones"), when exactly one entity is shortened so.
 */
function attachShortForms(groups: readonly Group[], uf: UnionFind, join: (a: number, b: number) => void, conflicts: (a: number, b: number) => boolean): void {
  const evidence = new Map<string, Set<number>>();
  // The keys of short forms: a name with another key has no evidence and is passed over without building its key.
  const shortKeys = new Set<string>();
  groups.forEach((g, i) => {
    for (const n of g.short) { (evidence.get(`${g.family}|${n.key}`) ?? evidence.set(`${g.family}|${n.key}`, new Set()).get(`${g.family}|${n.key}`)!).add(i); shortKeys.add(n.key); }
  });
  if (!evidence.size) return;
  // "Apple Inc." names the company in full: "Apple" is then a name of its own, not a shortening of "Apple Corps".
  const fullNamed = new Set<string>();
  groups.forEach((g) => { for (const n of g.nodes) if (n.named && shortKeys.has(n.key) && !g.short.has(n)) fullNamed.add(`${g.family}|${n.key}`); });
  groups.forEach((g, i) => {
    if (g.family === 'PER') return;
    for (const n of g.nodes) {
      if (!shortKeys.has(n.key) || g.short.has(n) || fullNamed.has(`${g.family}|${n.key}`)) continue;
      const hosts = evidence.get(`${g.family}|${n.key}`);
      if (!hosts) continue;
      const roots = new Set([...hosts].map((h) => uf.find(h)));
      if (roots.size !== 1) continue;
      const target = [...hosts][0]!;
      if (uf.find(target) !== uf.find(i) && !conflicts(i, target)) join(target, i);
      break;
    }
  });
}
