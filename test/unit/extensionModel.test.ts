// The editor layer's pure parts: the webview message check, alias edits, highlight spans and the Claims model.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFromWebview } from '../../src/webview/protocol';
import { addDifferent, addSame, mergeAliasFiles } from '../../src/extension/aliasEdits';
import { highlightSpans } from '../../src/extension/highlightSpans';
import { buildClaimsState, buildCompareState, differingWords } from '../../src/extension/claimsModel';
import { entityMentions, mentionsByDocument } from '../../src/extension/lookup';
import { DECORATION_KINDS } from '../../src/extension/contributions';
import type { AnalyzedDocument, DocumentAnalysis, WorkspaceAnalysis } from '../../src/core/index';

test('webview messages: the expected shapes are accepted', () => {
  for (const m of [{ type: 'ready' }, { type: 'reveal', doc: 'file:///a.txt', start: 0, end: 4 }, { type: 'setFilter', filter: 'contradictions' }, { type: 'runCommand', command: 'crosscheck.compareArticles' }]) {
    assert.deepEqual(parseFromWebview(m), m);
  }
});

test('webview messages: anything else is refused', () => {
  for (const m of [null, 'ready', 42, {}, { type: 'eval', code: '1' }, { type: 'reveal', doc: 'x', start: -1, end: 2 }, { type: 'reveal', doc: 'x', start: 5, end: 2 },
    { type: 'reveal', doc: 3, start: 0, end: 1 }, { type: 'reveal', doc: 'x', start: 0.5, end: 1 }, { type: 'setFilter', filter: 'everything' },
    { type: 'runCommand', command: 'workbench.action.quit' }, { type: 'runCommand', command: 'crosscheck.treatAsSame' }]) {
    assert.equal(parseFromWebview(m), null, JSON.stringify(m));
  }
});

test('aliases: Treat as Same joins groups and lifts a "different" pair', () => {
  const start = { same: [['Oded Basiuk', 'Basiuk']], different: [['Oded Bashk', 'Basiuk']] as [string, string][] };
  const r = addSame(start, 'Oded Bashk', 'basiuk');
  assert.deepEqual(r.same, [['Oded Basiuk', 'Basiuk', 'Oded Bashk']]);
  assert.deepEqual(r.different, []);
  assert.deepEqual(addSame(r, 'Oded Basiuk', 'Oded Bashk'), r, 'idempotent');
  assert.deepEqual(addSame({ same: [], different: [] }, ' Turkiye ', 'Turkey').same, [['Turkiye', 'Turkey']]);
});

test('aliases: Not the Same adds the pair once and splits a group holding both', () => {
  const r = addDifferent({ same: [['Shala', 'Shara', 'Bashar al-Assad']], different: [] }, 'Shala', 'Bashar al-Assad');
  assert.deepEqual(r.same, [['Shala', 'Shara']]);
  assert.deepEqual(r.different, [['Shala', 'Bashar al-Assad']]);
  assert.deepEqual(addDifferent(r, 'bashar al-assad', 'shala').different, r.different, 'no duplicate, either order');
  assert.deepEqual(addDifferent({ same: [['A', 'B']], different: [] }, 'A', 'B').same, [], 'a group of one is dropped');
  assert.deepEqual(mergeAliasFiles([{ same: [['A', 'B']], different: [] }, { same: [], different: [['C', 'D']] }]), { same: [['A', 'B']], different: [['C', 'D']] });
});

const span = (text: string, word: string, from = 0) => { const start = text.indexOf(word, from); return { start, end: start + word.length, text: word }; };
const TEXT_A = 'A senior Israeli source told CNN that six officials met in Baku on Friday, reportedly. The army denied it.';
const TEXT_B = 'Four officials met in Baku on Thursday, according to sources.';

function analysis(parts: Partial<DocumentAnalysis>): DocumentAnalysis {
  return { title: '', outlet: null, published: null, tokens: [], sentences: [], entities: [], attributions: [], hedges: [], claims: [], warnings: [], ...parts };
}

const docA: AnalyzedDocument = {
  id: 'file:///ws/a.txt', text: TEXT_A,
  analysis: analysis({
    outlet: 'Shafaq News',
    entities: [{ ...span(TEXT_A, 'Israeli'), type: 'NORP' }, { ...span(TEXT_A, 'CNN'), type: 'ORG' }, { ...span(TEXT_A, 'six'), type: 'NUMBER' }, { ...span(TEXT_A, 'Baku'), type: 'GPE' }, { ...span(TEXT_A, 'Friday'), type: 'DATE' }],
    attributions: [
      { cue: span(TEXT_A, 'told'), source: span(TEXT_A, 'A senior Israeli source'), content: span(TEXT_A, 'six officials met in Baku on Friday'), sourceKind: 'unnamed', stance: 'assert', direct: false, sourceEntity: null },
      { cue: span(TEXT_A, 'denied'), source: span(TEXT_A, 'The army'), content: span(TEXT_A, 'it'), sourceKind: 'named-organization', stance: 'deny', direct: false, sourceEntity: null },
    ],
    hedges: [{ ...span(TEXT_A, 'reportedly'), kind: 'attribution' }],
    claims: [
      { id: 'c0', ...span(TEXT_A, 'six officials met in Baku on Friday'), attribution: 0, entities: [2, 3, 4], numbers: ['6'], dates: ['Friday'], negated: false },
      { id: 'c1', ...span(TEXT_A, 'The army denied it.'), attribution: 1, entities: [], numbers: [], dates: [], negated: true },
    ],
  }),
};
const docB: AnalyzedDocument = {
  id: 'file:///ws/b.txt', text: TEXT_B,
  analysis: analysis({ claims: [{ id: 'c0', ...span(TEXT_B, 'Four officials met in Baku on Thursday'), attribution: null, entities: [], numbers: ['4'], dates: ['Thursday'], negated: false }] }),
};
const ws: WorkspaceAnalysis = {
  entities: [], entityOf: new Map(),
  clusters: [{ id: 'k0', relation: 'discrepancy', claims: [{ doc: docA.id, claim: 'c0' }, { doc: docB.id, claim: 'c0' }], differences: [{ kind: 'number', claims: [{ doc: docA.id, claim: 'c0' }, { doc: docB.id, claim: 'c0' }], detail: 'six vs four' }] }],
  clusterOf: new Map([[`${docA.id}#c0`, 'k0'], [`${docB.id}#c0`, 'k0']]),
};
const all = Object.fromEntries(DECORATION_KINDS.map((k) => [k, true])) as Record<(typeof DECORATION_KINDS)[number], boolean>;

test('highlight spans: each entity type, source kind, cue stance and hedge gets its kind', () => {
  const s = highlightSpans(docA.analysis, all);
  const words = (k: keyof typeof s) => s[k].map((x) => TEXT_A.slice(x.start, x.end));
  assert.deepEqual(words('group'), ['Israeli']);
  assert.deepEqual(words('organization'), ['CNN']);
  assert.deepEqual(words('number'), ['six']);
  assert.deepEqual(words('place'), ['Baku']);
  assert.deepEqual(words('date'), ['Friday']);
  assert.deepEqual(words('unnamedSource'), ['A senior Israeli source']);
  assert.deepEqual(words('namedSource'), ['The army']);
  assert.deepEqual(words('cue'), ['told']);
  assert.deepEqual(words('denial'), ['denied']);
  assert.deepEqual(words('hedge'), ['reportedly']);
});

test('highlight spans: kinds turned off are left out, and the cap keeps the earliest', () => {
  const s = highlightSpans(docA.analysis, { ...all, hedge: false, denial: false });
  assert.equal(s.hedge.length + s.denial.length, 0);
  const capped = highlightSpans(docA.analysis, all, 2);
  assert.equal(DECORATION_KINDS.reduce((n, k) => n + capped[k].length, 0), 2);
  assert.deepEqual(capped.unnamedSource.length + capped.group.length, 2, 'the two spans at the start of the text');
});

test('highlight spans over the cap follow the part of the text on screen', () => {
  const every = highlightSpans(docA.analysis, all);
  const flat = DECORATION_KINDS.flatMap((k) => every[k]).sort((x, y) => x.start - y.start);
  assert.ok(flat.length >= 6);
  const last = flat[flat.length - 1]!;
  const near = highlightSpans(docA.analysis, all, 2, { start: last.start, end: last.end });
  const drawn = DECORATION_KINDS.flatMap((k) => near[k]).sort((x, y) => x.start - y.start);
  assert.equal(drawn.length, 2);
  assert.deepEqual(drawn[drawn.length - 1], { start: last.start, end: last.end }, 'the span on screen is drawn');
  const middle = flat[3]!;
  const around = DECORATION_KINDS.flatMap((k) => highlightSpans(docA.analysis, all, 3, { start: middle.start, end: middle.end })[k]).sort((x, y) => x.start - y.start);
  assert.deepEqual(around, flat.slice(2, 5), 'a window centred on what is visible');
});

test('differing words: content words the other versions lack, not function words', () => {
  const text = 'six officials met in Baku on Friday';
  assert.deepEqual(differingWords(text, ['Four officials met in Baku on Thursday']).map((m) => text.slice(m.start, m.end)), ['six', 'Friday']);
  assert.deepEqual(differingWords('held a direct meeting', ['held direct talks']).map((m) => 'held a direct meeting'.slice(m.start, m.end)), ['meeting']);
});

test('Claims state: clusters with marks and sourcing, single-source claims, filter and active article', () => {
  const state = buildClaimsState([docA, docB], ws, 'all', docB.id);
  assert.equal(state.articles, 2);
  assert.equal(state.clusters.length, 1);
  const [a, b] = state.clusters[0]!.claims;
  assert.equal(a!.sourceKind, 'unnamed');
  assert.equal(b!.sourceKind, 'unattributed');
  assert.deepEqual(a!.marks.map((m) => a!.text.slice(m.start, m.end)), ['six', 'Friday']);
  assert.equal(a!.hedged, false);
  assert.equal(state.singlesTotal, 1);
  assert.equal(state.singles[0]!.text, 'The army denied it.');
});

test('Compare state: a row per shared claim with a cell per article, then what each says alone', () => {
  const state = buildCompareState([docA, docB], ws);
  assert.deepEqual(state.articles.map((x) => x.file), ['a.txt', 'b.txt']);
  assert.equal(state.rows.length, 1);
  assert.deepEqual(state.rows[0]!.cells.map((c) => c.length), [1, 1]);
  assert.deepEqual(state.only.map((c) => c.map((x) => x.text)), [['The army denied it.'], []]);
  assert.equal(buildCompareState([docA], ws).rows.length, 0, 'a cluster needs two of the compared articles');
});

test('Claims and Compare states: the claims of an article edited since the cross-reference are left out and it is marked waiting', () => {
  const covers = (id: string): boolean => id !== docA.id; // a was edited: its claim numbers may name other claims now
  const state = buildClaimsState([docA, docB], ws, 'all', null, covers);
  assert.equal(state.waiting, 1);
  assert.ok(state.clusters.every((c) => c.claims.every((x) => x.doc !== docA.id)), 'no claim of a in a cluster');
  assert.ok(state.singles.every((x) => x.doc !== docA.id), 'nor among the single-source claims');
  assert.equal(buildClaimsState([docA, docB], ws, 'all', null).waiting, undefined);
  const compare = buildCompareState([docA, docB], ws, covers);
  assert.deepEqual(compare.articles.map((x) => x.waiting ?? false), [true, false]);
  assert.deepEqual(compare.only.map((c) => c.length), [0, 0]);
  assert.deepEqual(compare.rows.flatMap((r) => r.cells.map((c) => c.length)), [0, 1]);
});

test('entity mentions: an article edited since the published cross-reference is left out, not read by its old mention numbers', () => {
  // Published from b's first version ("Officials met in Baku."), where mention 0 was "Baku"; b now names "Oded Basiuk"
  // first, so its mention 0 is him.
  const now = 'Oded Basiuk said officials met in Baku.';
  const edited: AnalyzedDocument = { id: 'file:///ws/b.txt', text: now, analysis: analysis({ entities: [{ ...span(now, 'Oded Basiuk'), type: 'PERSON' }, { ...span(now, 'Baku'), type: 'GPE' }] }) };
  const baku = { id: 'e1', name: 'Baku', type: 'GPE' as const, variants: ['Baku'], mentions: [{ doc: docA.id, index: 3 }, { doc: edited.id, index: 0 }] };
  const docs = new Map([[docA.id, docA], [edited.id, edited]]);
  const covered = (id: string): boolean => id !== edited.id;
  assert.deepEqual(entityMentions(docs, baku, covered).map((m) => [m.doc.id, m.text]), [[docA.id, 'Baku']]);
  assert.deepEqual([...mentionsByDocument(docs, baku, covered).keys()], [docA.id]);
  // Read without the check, b's old number names the wrong entity.
  assert.deepEqual(entityMentions(docs, baku).map((m) => m.text), ['Baku', 'Oded Basiuk']);
});
