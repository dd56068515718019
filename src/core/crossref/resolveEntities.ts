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
  /** The entity it belongs to in the last resolution with a cache (null before one, and without a cache). */
  component: Component | null;
}
let nextUid = 0;

/** One entity of a resolution with a cache: what an edit elsewhere leaves as it is. */
interface Component {
  /** Its groups in workspace order, and their mentions in that order. */
  groups: Group[];
  nodes: readonly Node[];
  /** Its oldest group's number, and its stable id from it. */
  stable: number;
  stableId: string;
  /** What is published for it; null while its number is not known yet. */
  entity: WorkspaceEntity | null;
  /** Where its first group stands: the document's place * 2^20 + the group's place in the document's groups. */
  order: number;
}

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
  if (!cache) return resolveGroups(docs.flatMap((d) => groupDocument(d, different)), different, sameKey).result;
  const last = cache.last, state = cache.state;
  const sequence: (readonly Group[])[] = [];
  let same = !!last && last.docs.length === docs.length;
  // Documents whose groups changed, by their place now and their place in the last resolution (-1: new to it), and
  // whether any document moved (one deleted or added before it), or came before one it used to follow.
  const changed: [number, number][] = [];
  let reshaped = !last || last.docs.length !== docs.length, reordered = false, lastPlace = -1;
  // New groups that stand for old ones with their mentions renumbered (a name added above them).
  const moved = new Map<Group, Group>();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const was = last?.docs[i];
    // The document's last place: here, or where the last resolution's state says.
    const j = was?.id === d.id ? i : state?.places.get(d.id);
    if (j !== i) reshaped = true;
    if (j !== undefined) { reordered ||= j <= lastPlace; lastPlace = j; }
    // A document's groups depend only on its analysis and the "different" aliases: kept until either changes.
    let g = was === d ? last!.sequence[i] : cache.groups.get(d);
    if (!g) {
      g = groupDocument(d, different);
      // An edit that leaves every name where it was (most typing) gives groups equal to the old ones: those stand.
      const before = j !== undefined ? last!.sequence[j] : undefined;
      if (before && sameGroups(before, g)) g = before;
      else if (before) g = keepGroups(before, g, moved);
      cache.groups.set(d, g);
    }
    sequence.push(g);
    same &&= g === last!.sequence[i] && (d === was || d.id === was!.id);
    if (j === undefined || g !== last!.sequence[j]) changed.push([i, j ?? -1]);
  }
  // The resolution is a function of the groups in order (and the aliases): the very same groups give the same result.
  let result: ResolvedEntities | null = same ? { ...last!.result, entities: last!.result.entities.slice() } : null;
  // A few documents changed, added or deleted: only the entities their groups can reach are resolved again. (Documents
  // in another order list every entity's mentions in another order: those are numbered again in full.)
  if (!result && state && last && !reordered) {
    const ids = reshaped ? new Set(docs.map((d) => d.id)) : null;
    const gone = ids ? last.docs.flatMap((d, j) => (ids.has(d.id) ? [] : [j])) : [];
    if ((!ids || ids.size === docs.length) && changed.length + gone.length <= Math.max(1, docs.length / 4)) {
      result = resolveChanges(docs, sequence, last.sequence, changed, gone, moved, state, reshaped);
    }
  }
  if (!result) {
    const resolved = resolveGroups(sequence.flat(), different, sameKey, cache);
    result = resolved.result;
    cache.state = !different.size && resolved.components ? ResolutionState.of(docs, sequence, resolved.components, sameKey, result) : null;
  }
  cache.last = { docs: docs.slice(), sequence, result };
  return result;
}

/**
 * The groups of a document's new version take the numbers of the old version's groups with the same family and keys,
 * then of those with a key in common ("Trump" tagged MISC become "Donald J. Trump … Trump"), so that an
 * entity named by one of them keeps its stable id (a name added to an article leaves its other names' ids, and an
 * entity named in thousands of articles is not renamed in all of them).
 */
function inheritUids(before: readonly Group[], now: readonly Group[]): void {
  const free = new Map<string, Group[]>();
  const sig = (g: Group): string => `${g.family}|${g.keys.join('\u0001')}`;
  for (const g of before) { const k = sig(g); (free.get(k) ?? free.set(k, []).get(k)!).push(g); }
  const taken = new Set<Group>();
  const rest: Group[] = [];
  for (const g of now) {
    const old = free.get(sig(g))?.find((o) => !taken.has(o));
    if (old) { g.uid = old.uid; taken.add(old); } else rest.push(g);
  }
  for (const g of rest) {
    const old = before.find((o) => !taken.has(o) && o.keys.some((k) => g.keys.includes(k)));
    if (old) { g.uid = old.uid; taken.add(old); }
  }
}

/**
 * A document's new groups, with the old ones kept where they read alike, paired from both ends (so that kept groups stay
 * in order): an equal group is the old object; one whose mentions were renumbered (a name added above them) or that
 * names the same once more takes the old one's number and is noted in `moved`; the groups in between take numbers as
 * `inheritUids` gives them.
 */
function keepGroups(before: readonly Group[], now: readonly Group[], moved: Map<Group, Group>): Group[] {
  const out = now.slice();
  let a = 0, b = 0;
  while (a < before.length && a < now.length && readAlike(before[a]!, now[a]!)) a++;
  while (b < before.length - a && b < now.length - a && readAlike(before[before.length - 1 - b]!, now[now.length - 1 - b]!)) b++;
  const pair = (old: Group, k: number): void => {
    const g = now[k]!;
    if (sameGroup(old, g, true)) out[k] = old;
    else { g.uid = old.uid; moved.set(g, old); }
  };
  for (let k = 0; k < a; k++) pair(before[k]!, k);
  for (let k = 1; k <= b; k++) pair(before[before.length - k]!, now.length - k);
  inheritUids(before.slice(a, before.length - b), now.slice(a, now.length - b));
  return out;
}

/** True when two lists of one document's groups are equal values: the same names, in the same places, grouped alike. */
function sameGroups(a: readonly Group[], b: readonly Group[]): boolean {
  return a.length === b.length && a.every((x, i) => sameGroup(x, b[i]!, true));
}

/**
 * True when the resolution reads the same of two groups of one document (their keys, surname, description, best person,
 * short forms and full names in order, and names for "same" aliases), whatever their mentions: "Trump" said once more in
 * an article that names him already. One stands for the other among the entities.
 */
function readAlike(x: Group, y: Group): boolean {
  if (sameGroup(x, y, false)) return true;
  if (x.doc !== y.doc || x.family !== y.family || x.surnameKey !== y.surnameKey || x.fullPerson !== y.fullPerson) return false;
  if (x.keys.length !== y.keys.length || x.keys.some((k, j) => k !== y.keys[j]) || personKey(x) !== personKey(y) || description(x) !== description(y)) return false;
  const names = (g: Group): string => JSON.stringify([[...new Set(g.nodes.map((n) => `${+g.short.has(n)}${+n.named}${n.key}`))], [...new Set(g.nodes.map((n) => norm(n.text)))].sort()]);
  return names(x) === names(y);
}

/** True when two groups of one document name the same, alike; with `places`, also at the same mention indices. */
function sameGroup(x: Group, y: Group, places: boolean): boolean {
  if (x.doc !== y.doc || x.family !== y.family || x.nodes.length !== y.nodes.length || x.keys.length !== y.keys.length || x.short.size !== y.short.size) return false;
  if (x.surnameKey !== y.surnameKey || x.fullPerson !== y.fullPerson || x.keys.some((k, j) => k !== y.keys[j])) return false;
  for (let j = 0; j < x.nodes.length; j++) {
    const m = x.nodes[j]!, n = y.nodes[j]!;
    if ((places && m.ref.index !== n.ref.index) || m.text !== n.text || m.type !== n.type || m.key !== n.key || m.named !== n.named || x.short.has(m) !== y.short.has(n)) return false;
  }
  return true;
}

/** The cross-document part of `resolveEntities`, over the groups of every document in order; with a cache, its entities too. */
function resolveGroups(groups: Group[], different: ReadonlyMap<string, ReadonlySet<string>>, sameKey: ReadonlyMap<string, number>, cache?: EntityCache): { result: ResolvedEntities; components: Component[] | null } {
  // Without "different" aliases the pairs that match form a graph whose connected components are the entities, whatever
  // the order the pairs are met in: they are joined class by class (groups that read alike) instead of pair by pair.
  if (!different.size) {
    const joined = joinGroups(groups, sameKey, (_, members) => members.length);
    if (joined) return numberEntities(groups, joined, cache);
  }

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
  joinSameAliases(groups, sameKey, join);
  const blocks = blocksOf(groups);
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

/**
 * The entities of `groups` (in workspace order) when no "different" aliases apply: "same" aliases, the blocks class by
 * class, then lone surnames and short forms. `blockSize` says how many groups of the workspace have a key (more than
 * `groups` do when they are a part of it). Null when the class pass cannot decide (see `joinBlocksByClass`).
 */
function joinGroups(groups: readonly Group[], sameKey: ReadonlyMap<string, number>, blockSize: (key: string, members: readonly number[]) => number): UnionFind | null {
  const uf = new UnionFind();
  groups.forEach(() => uf.add());
  const join = (a: number, b: number): void => { uf.union(a, b); };
  const never = (): boolean => false;
  joinSameAliases(groups, sameKey, join);
  if (!joinBlocksByClass(groups, blocksOf(groups), uf, blockSize)) return null;
  attachLoneSurnames(groups, uf, join, never);
  attachShortForms(groups, uf, join, never);
  return uf;
}

/** User "same" groups: every two groups naming one of them are joined. */
function joinSameAliases(groups: readonly Group[], sameKey: ReadonlyMap<string, number>, join: (a: number, b: number) => void): void {
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
}

/** The groups (by place in `groups`) that have each block key. */
function blocksOf(groups: readonly Group[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const k of blockKeys(g)) (blocks.get(k) ?? blocks.set(k, []).get(k)!).push(i);
  });
  return blocks;
}

/**
 * The entities numbered by first appearance, each with its mentions, and every mention's entity id; with a cache, each
 * group's entity (the last one's, when it has the very same mentions, kept).
 */
function numberEntities(groups: readonly Group[], uf: UnionFind, cache?: EntityCache): { result: ResolvedEntities; components: Component[] | null } {
  const entities: WorkspaceEntity[] = [];
  const components: Component[] | null = cache ? [] : null;
  const idsByDoc = new Map<string, string[]>(), stableIdsByDoc = new Map<string, string[]>();
  let lastDoc = '', lastIds: string[] = [], lastStable: string[] = [];
  const idOfRoot = new Map<number, number>();
  const members = new Map<number, Node[]>();
  const groupsOf = new Map<number, Group[]>();
  // Per entity, its oldest group: the entity keeps that name while the group stands, whatever is edited elsewhere.
  const oldest = new Map<number, number>();
  groups.forEach((g, i) => {
    const r = uf.find(i);
    if (!idOfRoot.has(r)) idOfRoot.set(r, idOfRoot.size);
    (members.get(r) ?? members.set(r, []).get(r)!).push(...g.nodes);
    if (components) (groupsOf.get(r) ?? groupsOf.set(r, []).get(r)!).push(g);
    const o = oldest.get(r);
    if (o === undefined || g.uid < o) oldest.set(r, g.uid);
  });
  // Two entities under one stable id (a group number taken over while its old group is still in use, as with one
  // document given twice): the published ids serve instead.
  const distinct = new Set(oldest.values()).size === oldest.size;
  // With a cache, published ids are read through the stable ones, as after an edit: no second id per mention is kept.
  const throughStable = !!components && distinct;
  for (const [r, nodes] of members) {
    const id = `e${idOfRoot.get(r)!}`, stable = `e${oldest.get(r)!}`;
    for (const n of nodes) {
      if (n.ref.doc !== lastDoc || !lastIds) {
        lastDoc = n.ref.doc;
        if (!throughStable) lastIds = idsByDoc.get(lastDoc) ?? idsByDoc.set(lastDoc, []).get(lastDoc)!;
        lastStable = stableIdsByDoc.get(lastDoc) ?? stableIdsByDoc.set(lastDoc, []).get(lastDoc)!;
      }
      if (!throughStable) lastIds[n.ref.index] = id;
      lastStable[n.ref.index] = stable;
    }
    if (!components) { entities.push(entityOfNodes(id, nodes, null)); continue; }
    const members = groupsOf.get(r)!.slice();
    // (The first group's entity of last time is read before this one replaces it.)
    const entity = entityOfNodes(id, nodes, members[0]!.component);
    const c: Component = { groups: members, nodes, stable: oldest.get(r)!, stableId: stable, entity, order: 0 };
    for (const g of members) g.component = c;
    components.push(c);
    entities.push(entity);
  }
  const published = throughStable ? new PublishedIds(entities, components.map((c) => c.stableId), stableIdsByDoc) : idsByDoc;
  const result = { entities, entityOf: new EntityOf(entities, published), idsByDoc: published, stableIdsByDoc: distinct ? stableIdsByDoc : idsByDoc };
  return { result, components: distinct ? components : null };
}

/**
 * The entity of `nodes` under `id`. The one `before` published, when it had the very same mentions, is the same value:
 * kept, or renumbered when an entity named earlier in the workspace came or went.
 */
function entityOfNodes(id: string, nodes: readonly Node[], before: Component | null): WorkspaceEntity {
  const b = before?.entity && before.nodes.length === nodes.length && before.nodes.every((n, k) => n === nodes[k]) ? before.entity : null;
  if (b) return b.id === id ? b : { id, name: b.name, type: b.type, variants: b.variants, mentions: b.mentions };
  return { id, name: displayName(nodes), type: majorityType(nodes), variants: [...new Set(nodes.map((n) => n.text))], mentions: nodes.map((n) => n.ref) };
}

/**
 * `doc#index` -> entity id, read from the ids by document rather than kept as a map of its own (a workspace has
 * hundreds of thousands of mentions, and a key string each): `entityOf.get("a.txt#3")` -> "e12". Iterating it builds
 * the map once, in the order the mentions are listed by entity.
 */
class EntityOf extends LazyMapView {
  // Private fields: the same look-ups compare equal (`assert.deepEqual`) whether the ids were read from a map of arrays
  // or, after an edit, through the numbering of stable ids.
  readonly #entities: readonly WorkspaceEntity[];
  readonly #byDoc: ReadonlyMap<string, readonly (string | undefined)[]>;
  constructor(entities: readonly WorkspaceEntity[], byDoc: ReadonlyMap<string, readonly (string | undefined)[]>) {
    super();
    this.#entities = entities;
    this.#byDoc = byDoc;
  }

  get(key: string): string | undefined {
    const cut = key.lastIndexOf('#');
    if (cut < 0) return undefined;
    const ids = this.#byDoc.get(key.slice(0, cut));
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
      for (const e of this.#entities) for (const m of e.mentions) map.set(`${m.doc}#${m.index}`, e.id);
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
function joinBlocksByClass(groups: readonly Group[], blocks: ReadonlyMap<string, number[]>, uf: UnionFind, blockSize: (key: string, members: readonly number[]) => number): boolean {
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
  for (const [key, members] of blocks) {
    if (members.length < 2 || blockSize(key, members) > 2000) continue; // a key shared by thousands of groups says nothing
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
 * changed document is grouped again, and the last resolution's entities and blocks, so that only the entities the
 * changed groups can reach are resolved again. `resolveEntities(docs, aliases, cache)` equals
 * `resolveEntities(docs, aliases)`.
 */
export class EntityCache {
  aliases: AliasFile | null = null;
  groups = new WeakMap<AnalyzedDocument, readonly Group[]>();
  /** The last resolution, with the documents and their groups it was computed from. */
  last: { readonly docs: readonly AnalyzedDocument[]; readonly sequence: readonly (readonly Group[])[]; readonly result: ResolvedEntities } | null = null;
  /** Its blocks and entities, when an edit can be resolved from them (no "different" aliases). */
  state: ResolutionState | null = null;
  reset(aliases: AliasFile): void {
    this.aliases = aliases;
    this.groups = new WeakMap();
    this.last = null;
    this.state = null;
  }
}

const push = <K>(map: Map<K, Group[]>, key: K, g: Group): void => { const list = map.get(key); if (list) list.push(g); else map.set(key, [g]); };
const drop = (map: Map<string, Group[]>, key: string, g: Group): void => {
  const list = map.get(key)!;
  list[list.indexOf(g)] = list[list.length - 1]!;
  list.pop();
  if (!list.length) map.delete(key);
};
const place = (map: Map<string, Group[]>, key: string, old: Group, g: Group): void => { const list = map.get(key)!; list[list.indexOf(old)] = g; };

/**
 * The last resolution's blocks, kept so that an edit resolves again only what its groups can reach: every group by
 * block key, people by surname key (what `attachLoneSurnames` reads together), groups with short forms by family and
 * key (what `attachShortForms` reads together), groups by "same" alias, and the entities by first appearance.
 * Lists are unordered: the resolution reads them as sets.
 */
class ResolutionState {
  readonly blocks = new Map<string, Group[]>();
  readonly surnames = new Map<string, Group[]>();
  readonly shortForms = new Map<string, Group[]>();
  /** By the alias group's place in the aliases file. */
  readonly aliased = new Map<string, Group[]>();
  readonly places = new Map<string, number>();
  private constructor(readonly sameKey: ReadonlyMap<string, number>, public components: Component[], public stableByDoc: ReadonlyMap<string, readonly (string | undefined)[]>) {}

  /** The state of a full resolution of `docs`; null when documents share an id (places would be ambiguous). */
  static of(docs: readonly AnalyzedDocument[], sequence: readonly (readonly Group[])[], components: Component[], sameKey: ReadonlyMap<string, number>, result: ResolvedEntities): ResolutionState | null {
    const state = new ResolutionState(sameKey, components, result.stableIdsByDoc);
    docs.forEach((d, i) => state.places.set(d.id, i));
    if (state.places.size !== docs.length) return null;
    sequence.forEach((list, p) => list.forEach((g, j) => {
      state.add(g);
      if (g.component!.groups[0] === g) g.component!.order = p * 2 ** 20 + j;
    }));
    // Kept for the life of the workspace: lists without the spare room they grew with.
    for (const map of [state.blocks, state.surnames]) for (const [k, list] of map) map.set(k, list.slice());
    return state;
  }

  add(g: Group): void { this.each(g, (map, key) => push(map, key, g)); }
  remove(g: Group): void { this.each(g, (map, key) => drop(map, key, g)); }
  /** `g` in the place of `old`, which names the same (its mentions renumbered). */
  replace(old: Group, g: Group): void { this.each(old, (map, key) => place(map, key, old, g)); }

  /** Calls `fn` once for every list `g` is in. */
  private each(g: Group, fn: (map: Map<string, Group[]>, key: string) => void): void {
    for (const k of g.keys) fn(this.blocks, k);
    if (g.family === 'PER' && g.surnameKey !== null) fn(this.surnames, g.surnameKey);
    if (g.short.size) for (const k of new Set([...g.short].map((n) => `${g.family}|${n.key}`))) fn(this.shortForms, k);
    if (this.sameKey.size) for (const s of aliasesOf(g, this.sameKey)) fn(this.aliased, s);
  }
}

/** The "same" alias groups that name one of a group's names, by place in the aliases file. */
function aliasesOf(g: Group, sameKey: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const n of g.nodes) { const s = sameKey.get(norm(n.text)); if (s !== undefined) out.add(String(s)); }
  return out;
}

/**
 * `resolveGroups` after some documents changed in place (the same documents at the same places), from the last
 * resolution's state: the groups gone and the groups new, the entities they were in, the groups they now match, every
 * group of a surname, short form or alias any of those has, and so on until nothing more is reached, are resolved again
 * as a full resolution would resolve them; every other entity stands. Exact because nothing outside that region is read
 * by anything inside it or the other way round: a match links two groups of one block (blocks whose size crosses the
 * limit are taken whole), and the lone-surname and short-form passes read only the groups of one surname or short form.
 * Null when it cannot say (the caller then resolves everything).
 */
function resolveChanges(docs: readonly AnalyzedDocument[], sequence: readonly (readonly Group[])[], before: readonly (readonly Group[])[], changed: readonly (readonly [number, number])[], gone: readonly number[], moved: ReadonlyMap<Group, Group>, state: ResolutionState, reshaped: boolean): ResolvedEntities | null {
  const removed: Group[] = [], added: Group[] = [];
  const movedFrom = new Set(moved.values());
  for (const [p, j] of changed) {
    const old = j < 0 ? [] : before[j]!;
    const was = new Set(old), now = new Set(sequence[p]);
    for (const g of old) if (!now.has(g) && !movedFrom.has(g)) removed.push(g);
    for (const g of sequence[p]!) if (!was.has(g) && !moved.has(g)) { added.push(g); g.component = null; }
  }
  for (const j of gone) removed.push(...before[j]!);
  // Groups that stand for old ones (renumbered, or naming the same once more) take their places: same entities, new mentions.
  const touched = new Set<Component>();
  for (const [g, old] of moved) {
    const c = old.component!;
    c.groups[c.groups.indexOf(old)] = g;
    g.component = c;
    state.replace(old, g);
    touched.add(c);
  }
  // Block sizes before and after (the limit of 2000 decides whether a block matches anything).
  const sizeBefore = new Map<string, number>(), sizeAfter = new Map<string, number>();
  const count = (g: Group, by: number): void => {
    for (const k of g.keys) {
      if (!sizeBefore.has(k)) { const n = state.blocks.get(k)?.length ?? 0; sizeBefore.set(k, n); sizeAfter.set(k, n); }
      sizeAfter.set(k, sizeAfter.get(k)! + by);
    }
  };
  for (const g of added) count(g, 1);
  for (const g of removed) count(g, -1);
  // While the region is found, the lists hold the groups gone and the new ones: each one's reach is read in full.
  for (const g of added) state.add(g);
  const region = new Set<Group>();
  const queue: Group[] = [];
  const reach = (g: Group): void => { if (!region.has(g)) { region.add(g); queue.push(g); } };
  removed.forEach(reach);
  added.forEach(reach);
  for (const [k, n] of sizeBefore) if ((n > 2000) !== (sizeAfter.get(k)! > 2000)) state.blocks.get(k)?.forEach(reach);
  const isNew = new Set(added);
  // Each entity, surname, short form and alias is read once (an entity named in thousands of articles is one list).
  const seen = new Set<Component | string>();
  const first = (x: Component | string): boolean => !seen.has(x) && !!seen.add(x);
  while (queue.length) {
    const g = queue.pop()!;
    if (g.component && first(g.component)) g.component.groups.forEach(reach);
    if (g.family === 'PER' && g.surnameKey !== null && first(`s|${g.surnameKey}`)) state.surnames.get(g.surnameKey)?.forEach(reach);
    if (g.family !== 'PER') for (const n of g.nodes) {
      const key = `${g.family}|${n.key}`;
      const hosts = state.shortForms.get(key);
      if (!hosts || !first(`f|${key}`)) continue;
      hosts.forEach(reach);
      for (const m of state.blocks.get(`n:${n.key}`) ?? []) if (m.family === g.family) reach(m);
    }
    if (state.sameKey.size) for (const s of aliasesOf(g, state.sameKey)) if (first(`a|${s}`)) state.aliased.get(s)!.forEach(reach);
    if (!isNew.has(g)) continue;
    // The groups a new group matches (the old ones' matches are in their entities).
    for (const k of g.keys) {
      const n = sizeAfter.get(k)!;
      if (n < 2 || n > 2000) continue;
      for (const m of state.blocks.get(k)!) {
        if (m !== g && m.doc !== g.doc && !region.has(m) && compatible(g.family, m.family) && (matches(g, m) || matches(m, g))) reach(m);
      }
    }
  }
  for (const g of removed) state.remove(g);
  if (reshaped) { state.places.clear(); docs.forEach((d, i) => state.places.set(d.id, i)); }

  // The region's groups in workspace order, resolved as a full resolution resolves them (a deleted document has no place).
  const places = [...new Set([...region].map((g) => state.places.get(g.doc)))].filter((p) => p !== undefined).sort((a, b) => a - b);
  const groups: Group[] = [];
  for (const p of places) for (const g of sequence[p]!) if (region.has(g)) groups.push(g);
  const uf = joinGroups(groups, state.sameKey, (key) => state.blocks.get(key)?.length ?? 0);
  if (!uf) return null;

  const dead = new Set<Component>();
  for (const g of region) if (g.component) dead.add(g.component);
  const rewrite = new Set<number>(changed.map(([p]) => p));
  const byRoot = new Map<number, Group[]>();
  groups.forEach((g, i) => push(byRoot, uf.find(i), g));
  // A component whose first group is gone (an article deleted) keeps that group's number while one of its groups goes
  // on: its entity keeps its stable id in every other article, which then keeps its ids and its aligned claims. (Every
  // group of a component resolved again is in the region: a number none of them holds is no living group's.)
  const living = new Set(groups.map((g) => g.uid));
  const taken = new Set<number>();
  const fresh: Component[] = [];
  for (const members of byRoot.values()) {
    const nodes: Node[] = [];
    let stable = Infinity;
    for (const g of members) {
      for (const n of g.nodes) nodes.push(n);
      const was = g.component?.stable;
      const own = was !== undefined && !living.has(was) && !taken.has(was) ? Math.min(was, g.uid) : g.uid;
      if (own < stable) stable = own;
    }
    taken.add(stable); // one component takes it over
    const old = members[0]!.component;
    const same = !!old?.entity && old.nodes.length === nodes.length && old.nodes.every((n, k) => n === nodes[k]);
    const c: Component = { groups: members, nodes, stable, stableId: `e${stable}`, entity: same ? old.entity : null, order: 0 };
    for (const g of members) {
      // A document whose mentions change stable id gets its ids again.
      if (g.component?.stableId !== c.stableId) rewrite.add(state.places.get(g.doc)!);
      g.component = c;
    }
    const p = state.places.get(members[0]!.doc)!;
    c.order = p * 2 ** 20 + sequence[p]!.indexOf(members[0]!);
    fresh.push(c);
  }
  for (const c of touched) {
    if (dead.has(c)) continue;
    const nodes: Node[] = [];
    for (const g of c.groups) for (const n of g.nodes) nodes.push(n);
    c.nodes = nodes;
    c.entity = null;
  }
  // Entities whose first group is in a changed document may stand elsewhere among its groups now, and all of them in
  // another document's place when one was deleted or added before.
  for (const [p] of changed) sequence[p]!.forEach((g, j) => { if (g.component!.groups[0] === g) g.component!.order = p * 2 ** 20 + j; });
  const components = state.components.filter((c) => !dead.has(c)).concat(fresh);
  if (reshaped) for (const c of components) {
    const p = state.places.get(c.groups[0]!.doc)!;
    c.order = p * 2 ** 20 + sequence[p]!.indexOf(c.groups[0]!);
  }
  components.sort((a, b) => a.order - b.order);
  if (new Set(components.map((c) => c.stable)).size !== components.length) return null;
  state.components = components;

  // Published ids by first appearance; an entity renumbered is the same value under its new id.
  const entities = components.map((c, i) => {
    const id = `e${i}`;
    const e = c.entity;
    c.entity = !e ? entityOfNodes(id, c.nodes, null) : e.id === id ? e : { id, name: e.name, type: e.type, variants: e.variants, mentions: e.mentions };
    return c.entity;
  });
  const stableByDoc = new Map(state.stableByDoc);
  for (const j of gone) stableByDoc.delete(before[j]![0]?.doc ?? '');
  for (const p of rewrite) {
    const ids: string[] = [];
    for (const g of sequence[p]!) for (const n of g.nodes) ids[n.ref.index] = g.component!.stableId;
    // (A document without names has no ids, as in a full resolution.)
    if (ids.length) stableByDoc.set(docs[p]!.id, ids); else stableByDoc.delete(docs[p]!.id);
  }
  state.stableByDoc = stableByDoc;
  const idsByDoc = new PublishedIds(entities, components.map((c) => c.stableId), stableByDoc);
  return { entities, entityOf: new EntityOf(entities, idsByDoc), idsByDoc, stableIdsByDoc: stableByDoc };
}

/**
 * The published ids by document, read from the stable ids through the entities' numbering (a name added to the first
 * article renumbers every later entity, and so every document's ids): `get("a.txt")` -> ["e3", , "e12"]. Iterates in
 * the order a full resolution fills its map: documents as the entities' mentions first name them.
 */
class PublishedIds implements ReadonlyMap<string, readonly (string | undefined)[]> {
  readonly #entities: readonly WorkspaceEntity[];
  readonly #stables: readonly string[];
  readonly #stableByDoc: ReadonlyMap<string, readonly (string | undefined)[]>;
  #published: Map<string, string> | null = null;
  readonly #byDoc = new Map<string, (string | undefined)[]>();
  #all: Map<string, readonly (string | undefined)[]> | null = null;

  constructor(entities: readonly WorkspaceEntity[], stables: readonly string[], stableByDoc: ReadonlyMap<string, readonly (string | undefined)[]>) {
    this.#entities = entities;
    this.#stables = stables;
    this.#stableByDoc = stableByDoc;
  }

  get(doc: string): readonly (string | undefined)[] | undefined {
    let ids = this.#byDoc.get(doc);
    if (ids) return ids;
    const stable = this.#stableByDoc.get(doc);
    if (!stable) return undefined;
    const published = this.#published ??= new Map(this.#stables.map((s, i) => [s, this.#entities[i]!.id]));
    ids = [];
    for (let i = 0; i < stable.length; i++) if (Object.hasOwn(stable, i)) ids[i] = published.get(stable[i]!);
    this.#byDoc.set(doc, ids);
    return ids;
  }

  has(doc: string): boolean { return this.#stableByDoc.has(doc); }
  get size(): number { return this.#stableByDoc.size; }

  private all(): Map<string, readonly (string | undefined)[]> {
    if (!this.#all) {
      this.#all = new Map();
      for (const e of this.#entities) for (const m of e.mentions) if (!this.#all.has(m.doc)) this.#all.set(m.doc, this.get(m.doc)!);
    }
    return this.#all;
  }

  forEach(fn: (value: readonly (string | undefined)[], key: string, map: ReadonlyMap<string, readonly (string | undefined)[]>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) fn.call(thisArg, v, k, this);
  }
  entries(): MapIterator<[string, readonly (string | undefined)[]]> { return this.all().entries(); }
  keys(): MapIterator<string> { return this.all().keys(); }
  values(): MapIterator<readonly (string | undefined)[]> { return this.all().values(); }
  [Symbol.iterator](): MapIterator<[string, readonly (string | undefined)[]]> { return this.all()[Symbol.iterator](); }
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
  const key = personKey(g);
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
function personKey(g: Group): string {
  const p = bestPerson(g);
  return p ? `${p.given.length ? 'g' : 'n'}${p.given[0] ?? ''}\u0001${p.surname}` : '';
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
  const key = description(g);
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
function description(g: Group): string {
  const names = [...new Set(g.nodes.map((n) => JSON.stringify([g.short.has(n), n.family, !!n.person?.given.length, isAcronym(n.text), n.key])))].sort();
  return JSON.stringify([g.family, names]);
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
    const g: Group = { doc: doc.id, family: n.family, nodes: [n], keys: [], person: n.person, short: new Set(), surnameKey: null, fullPerson: false, matchClass: -1, matchGeneration: -1, descriptionId: -1, descriptionGeneration: -1, personId: -1, personGeneration: -1, uid: nextUid++, component: null };
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
