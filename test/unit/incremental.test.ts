import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCrosscheck, toContractJson, type AliasFile, type AnalyzedDocument, type WorkspaceAnalysis, type WorkspaceIndex } from '../../src/core/index';
import { CrossReferenceCache, crossReference } from '../../src/core/crossref/crossReference';
import { EntityCache, resolveEntities, type ResolvedEntities } from '../../src/core/crossref/resolveEntities';
import type { EntityType, WorkspaceEntity } from '../../src/core/types';
import { readModel } from './sharedData';

/*
 * The workspace index keeps work between cross-references (entity groups per document, prepared claims, scored pairs)
 * and the tagger and cue model remember what they have seen. None of it may change a result: after any sequence of
 * edits the index must say exactly what the pure, from-scratch computation says.
 */

const GIVEN = ['Rami', 'Dana', 'Omar', 'Mira', 'Pavel', 'Hana', 'Jalil', 'Lior'];
const FAMILY = ['Haddad', 'Novak', 'Okafor', 'Petrov', 'Rahimi', 'Sato', 'al-Sharaa', 'al-Hamdan'];
const CITIES = ['Damascus', 'Beirut', 'Amman', 'Baku', 'Riyadh', 'Cairo'];
const ORGS = ['the Interior Ministry', 'the United Nations', 'Reuters', 'the Syrian Observatory for Human Rights', 'the army'];
const OUTLETS = ['Levant Wire', 'Gulf Monitor', 'Northwire', 'Shafaq News'];
const DAYS = ['Monday', 'Tuesday', 'Friday', 'Saturday'];
const NUMBERS = ['six', 'four', '12', '30', 'two'];

/** A small seeded generator of news-like articles that report overlapping events in different words. */
function articles(count: number, seed: number): string[] {
  let s = seed;
  const rand = (k: number): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % k; };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  const sentences = [
    () => `${pick(GIVEN)} ${pick(FAMILY)}, a spokesman for ${pick(ORGS)}, said on ${pick(DAYS)} that ${pick(NUMBERS)} people were killed in ${pick(CITIES)}.`,
    () => `According to ${pick(ORGS)}, ${pick(NUMBERS)} soldiers were wounded near ${pick(CITIES)} on ${pick(DAYS)}.`,
    () => `${pick(FAMILY)} denied that direct talks were held in ${pick(CITIES)}.`,
    () => `Officials in ${pick(CITIES)} have not commented on the meeting.`,
    () => `A senior source told ${pick(OUTLETS)} that the two sides held a direct meeting in ${pick(CITIES)} last week.`,
    () => `“We will not accept this,” ${pick(GIVEN)} ${pick(FAMILY)} said, adding that ${pick(NUMBERS)} convoys had reportedly been stopped.`,
    () => `The talks could resume on ${pick(DAYS)}, diplomats said.`,
    () => `${pick(ORGS).replace(/^the /, 'The ')} reported that ${pick(NUMBERS)} buildings were damaged in ${pick(CITIES)}.`,
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [`${pick(CITIES).toUpperCase()}, May ${10 + rand(9)}, 2025 (${pick(OUTLETS)}) - ${pick(sentences)()}`];
    const n = 3 + rand(6);
    for (let k = 0; k < n; k++) lines.push(rand(3) === 0 ? `${pick(sentences)()} ${pick(sentences)()}` : pick(sentences)());
    out.push(lines.join('\n\n'));
  }
  return out;
}

const engine = createCrosscheck({ readNerModel: readModel });

/** The index's view must equal the pure computation over the same documents, byte for byte. */
function assertSameAsFull(index: WorkspaceIndex, aliases: AliasFile, step: string): void {
  const docs = index.documents();
  const ws = index.workspace(), pure = engine.crossReference(docs, aliases);
  const incremental = JSON.stringify(toContractJson(docs, ws));
  const full = JSON.stringify(toContractJson(docs, pure));
  assert.equal(incremental, full, `after ${step}, the incremental cross-reference differs from the full one`);
  // The contract JSON reads entity ids through `entityOf`; cluster ids are looked up through `clusterOf`.
  for (const d of docs) for (const c of d.analysis.claims) {
    const key = `${d.id}#${c.id}`;
    assert.equal(ws.clusterOf.get(key), pure.clusterOf.get(key), `after ${step}, the cluster of ${key}`);
  }
  assert.deepEqual([...ws.clusterOf], [...pure.clusterOf], `after ${step}, the clusters of all claims`);
}

test('after a sequence of edits the incremental cross-reference equals the full computation', () => {
  const texts = articles(40, 7);
  const more = articles(10, 99);
  const index = engine.createIndex();
  let aliases: AliasFile = { same: [], different: [] };
  texts.forEach((t, i) => index.set(`a${i}.txt`, t));
  assertSameAsFull(index, aliases, 'the first indexing');
  const ws = index.workspace();
  assert.ok(ws.clusters.length > 0, 'the generated workspace has claims reported twice');
  assert.ok(ws.entities.some((e) => new Set(e.mentions.map((m) => m.doc)).size > 1), 'and entities named in several articles');

  const steps: [string, () => void][] = [
    ['a sentence appended', () => index.set('a3.txt', texts[3] + '\n\nOfficials said 12 people were hurt in Damascus.')],
    ['a number changed', () => index.set('a5.txt', texts[5]!.replace(/\b(six|four|two)\b/, 'nine'))],
    ['a new name early in the workspace', () => index.set('a0.txt', texts[0] + '\n\nZoltan Kertesz, a spokesman for the army, said on Monday that six people were killed in Beirut.')],
    ['a document added', () => index.set('b0.txt', more[0]!)],
    ['a document deleted', () => index.delete('a7.txt')],
    ['a claim removed', () => index.set('a10.txt', texts[10]!.split('\n\n').slice(0, 2).join('\n\n'))],
    ['an edit undone', () => index.set('a3.txt', texts[3]!)],
    ['a deleted document back', () => index.set('a7.txt', texts[7]!)],
    ['aliases set', () => { aliases = { same: [['Rami Haddad', 'Rami Hadad']], different: [['Dana Novak', 'Dana Nowak']] }; index.setAliases(aliases); }],
    ['an edit under aliases', () => index.set('a12.txt', texts[12] + '\n\nRami Hadad said the talks could resume.')],
    ['several documents added', () => more.slice(1).forEach((t, i) => index.set(`b${i + 1}.txt`, t))],
    ['a document emptied', () => index.set('a20.txt', '')],
  ];
  for (const [step, edit] of steps) {
    edit();
    assertSameAsFull(index, aliases, step);
  }
});

test('an article analysed after edits elsewhere is analysed exactly as by a fresh engine', () => {
  const texts = articles(12, 3);
  const warm = engine.createIndex();
  // Warm every per-engine memory (tagged sentences, scored cue contexts) with other articles and earlier versions.
  texts.forEach((t, i) => warm.set(`a${i}.txt`, t));
  const long = texts.join('\n\n');
  warm.set('long.txt', long);
  for (let i = 1; i <= 8; i++) {
    const at = Math.floor((long.length * i) / 9);
    const edited = long.slice(0, at) + 'x' + long.slice(at);
    const fresh = createCrosscheck({ readNerModel: readModel }).analyze(edited);
    assert.deepEqual(warm.set('long.txt', edited).analysis, fresh, `edit ${i}`);
  }
});

test('a document set again with its old text keeps its analysis object', () => {
  const [a, b] = articles(2, 11);
  const index = engine.createIndex();
  const first: AnalyzedDocument = index.set('a.txt', a!);
  index.set('b.txt', b!);
  index.workspace();
  assert.equal(index.set('a.txt', a!), first);
});

test('a cache gives the full result also for a document given twice and for documents reordered', () => {
  const texts = articles(12, 5);
  const docs: AnalyzedDocument[] = texts.map((t, i) => ({ id: `d${i}`, text: t, analysis: engine.analyze(t) }));
  const aliases: AliasFile = { same: [], different: [] };
  const cache = new CrossReferenceCache();
  const same = (list: readonly AnalyzedDocument[], step: string): void => assert.equal(
    JSON.stringify(toContractJson(list, crossReference(list, aliases, cache))),
    JSON.stringify(toContractJson(list, crossReference(list, aliases))),
    step,
  );
  same(docs, 'first');
  same([...docs, docs[0]!], 'a document twice');
  same([...docs].reverse(), 'reversed');
  same(docs.slice(3), 'the first three gone');
  same(docs, 'back again');
});

test('wire copies: edits at the start, middle and end of a workspace of near-duplicates equal the full computation', () => {
  // As in a large workspace: every article several times, each copy with a number or a name varied.
  const base = articles(12, 31);
  const texts = Array.from({ length: 60 }, (_, i) => {
    const t = base[i % base.length]!;
    return i < base.length ? t : t.replace(/\b(six|four|two|12|30)\b/, String(7 + (i % 5))).replace(/ said /, ` said, according to ${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]}, `);
  });
  const index = engine.createIndex();
  texts.forEach((t, i) => index.set(`w${i}.txt`, t));
  const none: AliasFile = { same: [], different: [] };
  assertSameAsFull(index, none, 'the first indexing');
  assert.ok(index.workspace().clusters.some((c) => c.claims.length > 3), 'copies make clusters of several claims');
  const steps: [string, () => void][] = [
    ['the first copy edited', () => index.set('w0.txt', texts[0] + '\n\nOfficials said 12 people were hurt.')],
    ['a copy in the middle edited', () => index.set('w30.txt', texts[30] + '\n\nOfficials said 13 people were hurt.')],
    ['a copy in the middle cut short', () => index.set('w31.txt', texts[31]!.slice(0, Math.floor(texts[31]!.length / 2)))],
    ['the last copy made another article', () => index.set('w59.txt', texts[1]!)],
    ['a copy deleted', () => index.delete('w24.txt')],
    ['the deleted copy back, now last', () => index.set('w24.txt', texts[24]!)],
    ['everything undone', () => texts.forEach((t, i) => index.set(`w${i}.txt`, t))],
  ];
  for (const [step, edit] of steps) {
    edit();
    assertSameAsFull(index, none, step);
  }
});

test('entities joined class by class equal entities joined pair by pair', () => {
  // A "different" pair of names no article uses changes nothing, but makes the resolution take the pair-by-pair loop.
  const docs: AnalyzedDocument[] = articles(40, 5).map((text, i) => ({ id: `a${i}.txt`, text, analysis: engine.analyze(text) }));
  const byClass = crossReference(docs, { same: [], different: [] });
  const byPair = crossReference(docs, { same: [], different: [['Nobody Atall', 'Noone Whatsoever']] });
  assert.deepEqual(toContractJson(docs, byClass), toContractJson(docs, byPair));
  assert.ok(byClass.entities.some((e) => new Set(e.mentions.map((m) => m.doc)).size > 2), 'names are shared across articles');
});

test('an edit that leaves every name where it was keeps the entities as they were; one that moves names does not', () => {
  const texts = articles(30, 17);
  const index = engine.createIndex();
  texts.forEach((t, i) => index.set(`a${i}.txt`, t));
  const none: AliasFile = { same: [], different: [] };
  const before = index.workspace();
  index.set('a4.txt', texts[4] + '\n\nOfficials said 12 people were hurt.');
  assertSameAsFull(index, none, 'a sentence without names appended');
  const after = index.workspace();
  assert.ok(after.entities.every((e, i) => e === before.entities[i]), 'the same entity values, not rebuilt');
  // A name before all the others shifts every mention of the article: the entities are resolved again.
  index.set('a4.txt', 'Zoltan Kertesz said on Monday that talks were held.\n\n' + texts[4]);
  assertSameAsFull(index, none, 'a name put first');
  assert.ok(index.workspace().entities.some((e) => e.name === 'Zoltan Kertesz'));
  index.set('a4.txt', texts[4]!);
  assertSameAsFull(index, none, 'the edit undone');
  index.delete('a9.txt');
  assertSameAsFull(index, none, 'a document deleted');
});

test('a random run of edits, deletions, renames and returns equals the full computation at every step', () => {
  const base = articles(10, 41);
  // Wire copies, so that claims have many candidates and clusters span many articles.
  const texts = Array.from({ length: 36 }, (_, i) => {
    const t = base[i % base.length]!;
    return i < base.length ? t : t.replace(/\b(six|four|two|12|30)\b/, String(5 + (i % 7)));
  });
  let s = 2024;
  const rand = (k: number): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % k; };
  const index = engine.createIndex();
  const live = new Map<string, string>();
  texts.forEach((t, i) => { index.set(`w${i}.txt`, t); live.set(`w${i}.txt`, t); });
  const none: AliasFile = { same: [], different: [] };
  assertSameAsFull(index, none, 'the first indexing');
  let fresh = 0;
  for (let step = 0; step < 40; step++) {
    const ids = [...live.keys()];
    const id = ids[rand(ids.length)]!;
    const text = live.get(id)!;
    const kind = rand(6);
    let what: string;
    if (kind === 0) { index.delete(id); live.delete(id); what = `${id} deleted`; }
    else if (kind === 1) {
      // A rename: the document leaves its place and comes back last under another name.
      const to = `r${fresh++}.txt`;
      index.delete(id); live.delete(id); index.set(to, text); live.set(to, text); what = `${id} renamed ${to}`;
    } else if (kind === 2) { const t = texts[rand(texts.length)]!; index.set(id, t); live.set(id, t); what = `${id} made a copy of another`; }
    else if (kind === 3) { const t = text + `\n\nOfficials said ${rand(20)} people were hurt in Damascus.`; index.set(id, t); live.set(id, t); what = `${id} appended`; }
    else if (kind === 4) { const t = text.split('\n\n').slice(1).join('\n\n'); index.set(id, t); live.set(id, t); what = `${id} lost its first paragraph`; }
    else { const t = texts[rand(texts.length)]!; const to = `n${fresh++}.txt`; index.set(to, t); live.set(to, t); what = `${to} added`; }
    assertSameAsFull(index, none, `step ${step}: ${what}`);
  }
});

test('a name added to the first article leaves the stable ids of the other articles, and the published ids as from scratch', async () => {
  const { resolveEntities, EntityCache } = await import('../../src/core/crossref/resolveEntities');
  const texts = articles(20, 23);
  const docs: AnalyzedDocument[] = texts.map((text, i) => ({ id: `a${i}.txt`, text, analysis: engine.analyze(text) }));
  const none: AliasFile = { same: [], different: [] };
  const cache = new EntityCache();
  const before = resolveEntities(docs, none, cache);
  const text0 = 'Zoltan Kertesz said on Monday that talks were held in Baku.\n\n' + texts[0];
  const edited = [{ id: 'a0.txt', text: text0, analysis: engine.analyze(text0) }, ...docs.slice(1)];
  const after = resolveEntities(edited, none, cache);
  const fresh = resolveEntities(edited, none);
  assert.deepEqual(after.entities, fresh.entities);
  assert.deepEqual([...after.idsByDoc], [...fresh.idsByDoc]);
  // The published ids were renumbered (a new entity comes first), the stable ones of untouched articles were not.
  assert.notDeepEqual(after.idsByDoc.get('a5.txt'), before.idsByDoc.get('a5.txt'));
  // An entity with the very same mentions, none of them in the edited article, keeps its stable id.
  const mentionsOf = (r: typeof before, doc: string, i: number): string => {
    const e = r.entities.find((x) => x.id === r.idsByDoc.get(doc)![i])!;
    return e.mentions.map((m) => `${m.doc}#${m.index}`).join(' ');
  };
  let kept = 0;
  for (const d of docs.slice(1)) (after.idsByDoc.get(d.id) ?? []).forEach((id, i) => {
    const now = mentionsOf(after, d.id, i);
    if (!id || now.includes('a0.txt#') || now !== mentionsOf(before, d.id, i)) return;
    assert.equal(after.stableIdsByDoc.get(d.id)![i], before.stableIdsByDoc.get(d.id)![i], `${d.id}#${i}`);
    kept++;
  });
  assert.ok(kept > 50, 'most mentions are of entities the edit did not touch');
  // Stable ids name the same partition of mentions as the published ones.
  const pairs = new Map<string, string>();
  for (const [doc, ids] of after.idsByDoc) ids.forEach((id, i) => {
    if (!id) return;
    const stable = after.stableIdsByDoc.get(doc)![i]!;
    assert.equal(pairs.get(stable) ?? id, id, `${doc}#${i}`);
    pairs.set(stable, id);
  });
  assert.equal(new Set(pairs.values()).size, pairs.size);
});

/** `count` wire copies of `base` (each article again with a number varied), indexed as w0.txt, w1.txt, …, and cross-referenced. */
function wireWorkspace(base: readonly string[], count: number): { texts: string[]; index: WorkspaceIndex; before: WorkspaceAnalysis } {
  const texts = Array.from({ length: count }, (_, i) => (i < base.length ? base[i]! : base[i % base.length]!.replace(/\b(six|four|two|12|30)\b/, String(7 + (i % 5)))));
  const index = engine.createIndex();
  texts.forEach((t, i) => index.set(`w${i}.txt`, t));
  return { texts, index, before: index.workspace() };
}

test('an edit that adds a cluster early renumbers the later ones; a cross-reference taken before still answers as it did', () => {
  const { texts, index, before } = wireWorkspace(articles(12, 31), 48);
  const none: AliasFile = { same: [], different: [] };
  const pureBefore = engine.crossReference(index.documents(), none);
  const docsBefore = index.documents();
  // A claim that the last copy repeats word for word: a new cluster at the start, and every later one moves up a place.
  const added = 'Officials in Tbilisi said 41 bridges were closed on Sunday.';
  index.set('w0.txt', texts[0] + `\n\n${added}`);
  index.set('w47.txt', texts[47] + `\n\n${added}`);
  assertSameAsFull(index, none, 'a cluster added at the start');
  const after = index.workspace();
  assert.equal(after.clusters.length, before.clusters.length + 1, 'one more cluster');
  const moved = after.clusters.slice(2).filter((c, i) => c.id !== before.clusters[i + 1]?.id && c.claims === before.clusters[i + 1]?.claims);
  assert.ok(moved.length > before.clusters.length / 2, 'later clusters keep their claims under a new id');
  // The earlier result is a value: its clusters and look-ups are those of the documents it was computed from.
  assert.equal(JSON.stringify(toContractJson(docsBefore, before)), JSON.stringify(toContractJson(docsBefore, pureBefore)));
  for (const d of docsBefore) for (const c of d.analysis.claims) {
    const key = `${d.id}#${c.id}`;
    assert.equal(before.clusterOf.get(key), pureBefore.clusterOf.get(key), key);
  }
  index.set('w0.txt', texts[0]!);
  index.set('w47.txt', texts[47]!);
  assertSameAsFull(index, none, 'both edits undone');
});

test('claims an edit leaves as they were keep their differences with the other articles: compared once, not again', () => {
  const { texts, index, before } = wireWorkspace(articles(8, 53), 32);
  const none: AliasFile = { same: [], different: [] };
  // The first article heads its clusters: an edit to it takes away the claims their differences were found from.
  index.set('w0.txt', texts[0] + '\n\nOfficials said 12 people were hurt.');
  assertSameAsFull(index, none, 'a sentence appended to the first article');
  const after = index.workspace();
  const claimsOf = (c: { claims: readonly { doc: string; claim: string }[] }): string => c.claims.map((r) => `${r.doc}#${r.claim}`).join(' ');
  const earlier = new Map(before.clusters.map((c) => [claimsOf(c), c]));
  const edited = after.clusters.filter((c) => c.claims.some((r) => r.doc === 'w0.txt') && c.differences.length);
  assert.ok(edited.length > 0, 'the first article has clusters with differences');
  for (const c of edited) {
    const old = earlier.get(claimsOf(c));
    assert.ok(old, `${c.id} has the same claims as before`);
    assert.ok(c.differences.every((d) => old.differences.includes(d)), `${c.id} keeps the differences found before`);
  }
});

/*
 * Entity resolution after an edit resolves again only the entities the changed names can reach. These documents hold
 * only what resolution reads of an analysis (names, their types and places), so that many edits are checked quickly.
 */

/** A document naming `names` ("PERSON:Oded Basiuk"), one sentence each. */
function namesDoc(id: string, names: readonly string[]): AnalyzedDocument {
  let text = '';
  const entities = names.map((n) => {
    const [type, name] = n.split(':') as [EntityType, string];
    const start = text.length;
    text += `${name} said so. `;
    return { start, end: start + name.length, text: name, type };
  });
  return { id, text, analysis: { title: '', outlet: null, published: null, tokens: [], sentences: [], entities, attributions: [], hedges: [], claims: [], warnings: [] } };
}

/** Documents a.txt, b.txt, … naming the given names. */
function namesDocs(...lists: (readonly string[])[]): AnalyzedDocument[] {
  return lists.map((names, i) => namesDoc(`${String.fromCharCode(97 + i)}.txt`, names));
}

const NO_ALIASES: AliasFile = { same: [], different: [] };

/** Names that merge across articles, and names that must not. */
const NAMES = [
  'PERSON:Oded Basiuk', 'PERSON:Oded Bashk', 'PERSON:Basiuk', 'PERSON:Bashar al-Assad', 'PERSON:Assad',
  'PERSON:Ahmad al-Sharaa', 'PERSON:al-Sharah', 'PERSON:Shara', 'PERSON:Shala', 'PERSON:John Smith', 'PERSON:Jane Smith',
  'PERSON:Smith', 'PERSON:Rami Haddad', 'PERSON:Rami Hadad', 'PERSON:Chrysler', 'ORG:Chrysler', 'ORG:General Motors', 'ORG:GM',
  'ORG:Northrop Grumman', 'ORG:Northrop', 'MISC:Dow Jones Industrial Average', 'MISC:Dow Jones', 'ORG:Apple Inc.', 'ORG:Apple Corps',
  'ORG:Apple', 'GPE:Turkiye', 'GPE:Turkey', 'GPE:US', 'GPE:United States', 'LOC:Baku', 'GPE:Baku', 'NORP:Syrian', 'PERSON:Zoltan Kertesz',
];

/** A resolution with a cache must say what one without says: entities, published ids, and stable ids of the same partition. */
function assertResolvedAsFresh(docs: readonly AnalyzedDocument[], aliases: AliasFile, cache: EntityCache, step: string): ResolvedEntities {
  const cached = resolveEntities(docs, aliases, cache), fresh = resolveEntities(docs, aliases);
  assert.deepEqual(cached.entities, fresh.entities, `${step}: entities`);
  assert.deepEqual([...cached.idsByDoc], [...fresh.idsByDoc], `${step}: published ids`);
  assert.equal(cached.idsByDoc.size, fresh.idsByDoc.size, `${step}: no ids of a deleted article`);
  for (const d of docs) for (let i = 0; i < d.analysis.entities.length; i++) {
    assert.equal(cached.entityOf.get(`${d.id}#${i}`), fresh.entityOf.get(`${d.id}#${i}`), `${step}: ${d.id}#${i}`);
  }
  const published = new Map<string, string>();
  for (const [doc, ids] of cached.idsByDoc) ids.forEach((id, i) => {
    const stable = cached.stableIdsByDoc.get(doc)![i]!;
    assert.equal(published.get(stable) ?? id, id, `${step}: one stable id, one entity (${doc}#${i})`);
    published.set(stable, id!);
  });
  assert.equal(new Set(published.values()).size, published.size, `${step}: one entity, one stable id`);
  return cached;
}

test('names added, removed, renamed and moved, articles added, deleted and renamed: the resolution kept between edits equals a fresh one', () => {
  let s = 77;
  const rand = (k: number): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % k; };
  const pick = (): string => NAMES[rand(NAMES.length)]!;
  const articles = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}.txt`, names: Array.from({ length: 2 + rand(5) }, pick) }));
  let made = 0;
  const docsOf = (): AnalyzedDocument[] => articles.map((a) => namesDoc(a.id, a.names));
  const KINDS = ['appended', 'put first', 'removed', 'replaced', 'copied', 'reversed', 'deleted', 'followed by a new article', 'renamed', 'deleted and back last'];
  for (const aliases of [NO_ALIASES, { same: [['Rami Haddad', 'Rami Hadad'], ['Chrysler', 'General Motors']], different: [] }]) {
    const cache = new EntityCache();
    assertResolvedAsFresh(docsOf(), aliases, cache, 'the first resolution');
    for (let step = 0; step < 100; step++) {
      const changed = rand(8) === 0 ? [rand(articles.length), rand(articles.length)] : [rand(articles.length)];
      const kinds: string[] = [];
      for (const d of changed) {
        const a = articles[d];
        if (!a) continue; // deleted by the step's other change
        const kind = rand(KINDS.length);
        if (kind === 0) a.names.push(pick()); // a name added at the end: the others keep their places
        else if (kind === 1) a.names.unshift(pick()); // first: every other mention is renumbered
        else if (kind === 2 && a.names.length) a.names.splice(rand(a.names.length), 1);
        else if (kind === 3 && a.names.length) a.names[rand(a.names.length)] = pick();
        else if (kind === 4) a.names = articles[rand(articles.length)]!.names.slice();
        else if (kind === 5) a.names.reverse();
        else if (kind === 6 && articles.length > 10) articles.splice(d, 1);
        else if (kind === 7) articles.push({ id: `n${made++}.txt`, names: [pick(), pick()] });
        // Renamed as the index sees it: gone from its place, back last under another name.
        else if (kind === 8) { articles.splice(d, 1); articles.push({ id: `r${made++}.txt`, names: a.names }); }
        else if (kind === 9) { articles.splice(d, 1); articles.push(a); }
        kinds.push(`${a.id} ${KINDS[kind]}`);
      }
      assertResolvedAsFresh(docsOf(), aliases, cache, `step ${step} (${kinds.join(', ')}), ${aliases.same.length} aliases`);
    }
  }
});

test('a merge that appears and disappears with one name: "Oded Bashk" added beside another article\'s "Oded Basiuk"', () => {
  const cache = new EntityCache();
  const docs = namesDocs(['PERSON:Oded Basiuk', 'PERSON:Basiuk', 'GPE:Baku'], ['PERSON:Bashar al-Assad', 'GPE:Baku'], ['PERSON:Smith', 'ORG:Reuters']);
  const entityNamed = (r: ResolvedEntities, name: string): WorkspaceEntity => r.entities.find((e) => e.variants.includes(name))!;
  const before = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'before');
  assert.equal(entityNamed(before, 'Oded Basiuk').mentions.length, 2);
  docs[1] = namesDoc('b.txt', ['PERSON:Bashar al-Assad', 'GPE:Baku', 'PERSON:Oded Bashk']);
  const merged = assertResolvedAsFresh(docs, NO_ALIASES, cache, '"Oded Bashk" added');
  assert.deepEqual(entityNamed(merged, 'Oded Bashk').variants, ['Oded Basiuk', 'Basiuk', 'Oded Bashk']);
  assert.notEqual(entityNamed(merged, 'Bashar al-Assad').id, entityNamed(merged, 'Oded Bashk').id, 'never merged with Bashar al-Assad');
  // The entity the edit did not reach is the same value as before.
  assert.equal(entityNamed(merged, 'Smith'), entityNamed(before, 'Smith'));
  assert.equal(merged.stableIdsByDoc.get('c.txt'), before.stableIdsByDoc.get('c.txt'), 'its article keeps its stable ids, not compared again');
  // A second Smith in full makes the lone "Smith" ambiguous; removing it makes it attach again.
  docs[2] = namesDoc('c.txt', ['PERSON:Smith', 'ORG:Reuters']);
  docs[0] = namesDoc('a.txt', ['PERSON:Oded Basiuk', 'PERSON:Basiuk', 'GPE:Baku', 'PERSON:John Smith']);
  const one = assertResolvedAsFresh(docs, NO_ALIASES, cache, '"John Smith" added');
  assert.equal(entityNamed(one, 'Smith').id, entityNamed(one, 'John Smith').id);
  docs[1] = namesDoc('b.txt', ['PERSON:Bashar al-Assad', 'GPE:Baku', 'PERSON:Oded Bashk', 'PERSON:Jane Smith']);
  const two = assertResolvedAsFresh(docs, NO_ALIASES, cache, '"Jane Smith" added');
  assert.notEqual(entityNamed(two, 'Smith').id, entityNamed(two, 'John Smith').id);
  docs[1] = namesDoc('b.txt', ['PERSON:Bashar al-Assad', 'GPE:Baku']);
  const apart = assertResolvedAsFresh(docs, NO_ALIASES, cache, '"Oded Bashk" and "Jane Smith" removed');
  assert.equal(entityNamed(apart, 'Oded Basiuk').mentions.length, 2);
  assert.equal(entityNamed(apart, 'Smith').id, entityNamed(apart, 'John Smith').id);
});

test('a name said once more in an article that names it already: its entity gains the mention, and other articles keep their ids', () => {
  const cache = new EntityCache();
  const docs = namesDocs(['PERSON:Oded Basiuk', 'GPE:Baku'], ['PERSON:Oded Bashk', 'GPE:Turkey'], ['PERSON:Smith', 'ORG:Reuters']);
  const mentions = (r: ResolvedEntities, name: string): string[] => r.entities.find((e) => e.variants.includes(name))!.mentions.map((m) => `${m.doc}#${m.index}`);
  const before = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'before');
  docs[0] = namesDoc('a.txt', ['PERSON:Oded Basiuk', 'GPE:Baku', 'PERSON:Oded Basiuk']);
  const again = assertResolvedAsFresh(docs, NO_ALIASES, cache, '"Oded Basiuk" once more');
  assert.deepEqual(mentions(again, 'Oded Bashk'), ['a.txt#0', 'a.txt#2', 'b.txt#0']);
  assert.equal(again.stableIdsByDoc.get('c.txt'), before.stableIdsByDoc.get('c.txt'));
  // Put first, every mention of the article is renumbered; the lone surname then joins the full name in the article.
  docs[0] = namesDoc('a.txt', ['GPE:Baku', 'PERSON:Oded Basiuk', 'GPE:Baku', 'PERSON:Oded Basiuk']);
  assert.deepEqual(mentions(assertResolvedAsFresh(docs, NO_ALIASES, cache, '"Baku" put first'), 'Oded Bashk'), ['a.txt#1', 'a.txt#3', 'b.txt#0']);
  docs[0] = namesDoc('a.txt', ['GPE:Baku', 'PERSON:Oded Basiuk', 'PERSON:Basiuk']);
  assert.deepEqual(mentions(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'a lone surname'), 'Oded Bashk'), ['a.txt#1', 'a.txt#2', 'b.txt#0']);
  docs[1] = namesDoc('b.txt', ['PERSON:Oded Bashk', 'GPE:Turkey', 'GPE:Turkiye']);
  assert.deepEqual(mentions(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'another spelling of a place'), 'Turkiye'), ['b.txt#1', 'b.txt#2']);
});

test('a full name given where the surname stood alone keeps the entity\'s stable ids in the other articles', () => {
  const cache = new EntityCache();
  // The first article names the entity first (its oldest group), with a surname the tagger called MISC.
  const docs = namesDocs(['MISC:Trump', 'GPE:US'], ['PERSON:Donald Trump', 'PERSON:Trump'], ['PERSON:Trump', 'GPE:US']);
  const before = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'before');
  assert.equal(new Set(before.entities.filter((e) => e.variants.includes('Trump')).map((e) => e.id)).size, 1);
  docs[0] = namesDoc('a.txt', ['PERSON:Donald J. Trump', 'PERSON:Trump', 'GPE:US']);
  const after = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'the full name given');
  // Ids kept as they were are not compared again by the claim alignment (a name in thousands of articles).
  assert.equal(after.stableIdsByDoc.get('b.txt'), before.stableIdsByDoc.get('b.txt'));
  assert.equal(after.stableIdsByDoc.get('c.txt'), before.stableIdsByDoc.get('c.txt'));
});

test('an article deleted: the entities it named first keep their stable ids in the other articles, also when the next one goes', () => {
  const cache = new EntityCache();
  // The first article names every entity first (their oldest groups); the others name them again.
  const docs = namesDocs(['PERSON:Oded Basiuk', 'GPE:Baku', 'ORG:Reuters'], ['PERSON:Oded Basiuk', 'GPE:Baku'], ['PERSON:Basiuk', 'ORG:Reuters', 'GPE:Baku'], ['GPE:Baku', 'ORG:Reuters']);
  const before = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'before');
  // Ids kept as they were are not compared again by the claim alignment (a name in thousands of articles).
  const one = assertResolvedAsFresh(docs.slice(1), NO_ALIASES, cache, 'the first article deleted');
  for (const id of ['b.txt', 'c.txt', 'd.txt']) assert.equal(one.stableIdsByDoc.get(id), before.stableIdsByDoc.get(id), id);
  const two = assertResolvedAsFresh(docs.slice(2), NO_ALIASES, cache, 'the second deleted too');
  for (const id of ['c.txt', 'd.txt']) assert.equal(two.stableIdsByDoc.get(id), before.stableIdsByDoc.get(id), id);
  // An entity left in no article is gone; one named again takes a number of its own.
  const three = assertResolvedAsFresh([namesDoc('e.txt', ['PERSON:Oded Basiuk', 'GPE:Baku'])], NO_ALIASES, cache, 'all replaced');
  assert.equal(three.entities.length, 2);
});

test('a short form alone in one article joins the long name another shortens so, and leaves it when that article changes', () => {
  const cache = new EntityCache();
  const docs = namesDocs(['GPE:US'], ['ORG:Reuters'], ['ORG:Reuters']);
  // Per entity naming "Dow Jones" alone somewhere, whether it is the long name too.
  const dow = (r: ResolvedEntities): boolean[] => r.entities.filter((e) => e.variants.includes('Dow Jones')).map((e) => e.variants.includes('Dow Jones Industrial Average'));
  assertResolvedAsFresh(docs, NO_ALIASES, cache, 'before');
  docs[1] = namesDoc('b.txt', ['ORG:Reuters', 'MISC:Dow Jones Industrial Average', 'MISC:Dow Jones']);
  assert.deepEqual(dow(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'the long name and its short form added')), [true]);
  // A lone short form added elsewhere: only the article that shortens the long name so links the two.
  docs[0] = namesDoc('a.txt', ['GPE:US', 'MISC:Dow Jones']);
  const joined = assertResolvedAsFresh(docs, NO_ALIASES, cache, 'a lone short form added');
  assert.deepEqual(dow(joined), [true]);
  assert.equal(joined.entities.find((e) => e.variants.includes('Dow Jones'))!.mentions.length, 3);
  docs[1] = namesDoc('b.txt', ['ORG:Reuters', 'MISC:Dow Jones Industrial Average']);
  assert.deepEqual(dow(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'its short form removed')), [false]);
  docs[2] = namesDoc('c.txt', ['ORG:Reuters', 'MISC:Dow Jones Industrial Average', 'MISC:Dow Jones']);
  assert.deepEqual(dow(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'shortened so in another article')), [true]);
});

test('aliases changed between edits: "same" and "different" pairs decide as in a fresh resolution', () => {
  const cache = new EntityCache();
  const docs = namesDocs(['PERSON:Rami Haddad', 'PERSON:Oded Basiuk'], ['PERSON:Rami Hadad', 'PERSON:Oded Bashk'], ['PERSON:Omar Sato']);
  let aliases = NO_ALIASES;
  assertResolvedAsFresh(docs, aliases, cache, 'no aliases');
  aliases = { same: [['Rami Haddad', 'Reuters']], different: [] };
  assertResolvedAsFresh(docs, aliases, cache, '"same" set');
  // A name that only an alias links to an entity of other articles.
  docs[2] = namesDoc('c.txt', ['PERSON:Omar Sato', 'ORG:Reuters']);
  const joined = assertResolvedAsFresh(docs, aliases, cache, 'an aliased name added');
  assert.ok(joined.entities.some((e) => e.variants.includes('Reuters') && e.variants.includes('Rami Haddad')));
  docs[2] = namesDoc('c.txt', ['PERSON:Oded Basiuk', 'PERSON:Omar Sato', 'ORG:Reuters']);
  assertResolvedAsFresh(docs, aliases, cache, 'an edit under "same"');
  aliases = { same: [], different: [['Oded Basiuk', 'Oded Bashk']] };
  const apart = assertResolvedAsFresh(docs, aliases, cache, '"different" set');
  assert.equal(apart.entities.filter((e) => e.variants.some((v) => v.startsWith('Oded'))).length, 2);
  docs[0] = namesDoc('a.txt', ['PERSON:Rami Haddad', 'PERSON:Oded Basiuk', 'PERSON:Basiuk']);
  assertResolvedAsFresh(docs, aliases, cache, 'an edit under "different"');
  aliases = { same: [], different: [] };
  assertResolvedAsFresh(docs, aliases, cache, 'aliases cleared');
});

test('a block that crosses the limit of 2000 groups: its names stop or start matching across the workspace', () => {
  const cache = new EntityCache();
  // 2001 articles name "Northwind" (a block too large to say anything); one of them then names something else.
  const docs = Array.from({ length: 2001 }, (_, i) => namesDoc(`n${i}.txt`, ['ORG:Northwind', `PERSON:${i % 2 ? 'Ivo' : 'Mira'} Tamm`]));
  const northwinds = (r: ResolvedEntities): number => r.entities.filter((e) => e.name === 'Northwind').length;
  assert.equal(northwinds(assertResolvedAsFresh(docs, NO_ALIASES, cache, '2001 alike')), 2001);
  docs[7] = namesDoc('n7.txt', ['ORG:Reuters', 'PERSON:Ivo Tamm']);
  assert.equal(northwinds(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'one name replaced')), 1);
  docs[7] = namesDoc('n7.txt', ['ORG:Northwind', 'PERSON:Ivo Tamm']);
  assert.equal(northwinds(assertResolvedAsFresh(docs, NO_ALIASES, cache, 'the name back')), 2001);
});
