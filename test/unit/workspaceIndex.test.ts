import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex, type IndexEngine } from '../../src/core/index/workspaceIndex';
import type { DocumentAnalysis } from '../../src/core/types';

const empty = (title: string): DocumentAnalysis => ({
  title, outlet: null, published: null, tokens: [], sentences: [], entities: [], attributions: [], hedges: [], claims: [], warnings: [],
});

/** An engine that counts its calls, so the tests see what the index re-does. */
function countingEngine(failOn?: string) {
  const calls = { analyze: 0, crossReference: 0 };
  const engine: IndexEngine = {
    analyze: (text) => {
      calls.analyze++;
      if (failOn && text.includes(failOn)) throw new Error('boom');
      return empty(text.slice(0, 10));
    },
    crossReference: (docs) => {
      calls.crossReference++;
      if (failOn && docs.some((d) => d.text.includes(`xref:${failOn}`))) throw new Error('xref boom');
      return { entities: [], entityOf: new Map(), clusters: [], clusterOf: new Map() };
    },
  };
  return { engine, calls };
}

test('unchanged text is not analysed again; a change is', () => {
  const { engine, calls } = countingEngine();
  const index = new WorkspaceIndex(engine);
  const a = index.set('a', 'one text');
  assert.equal(index.set('a', 'one text'), a);
  assert.equal(calls.analyze, 1);
  index.set('a', 'one text, edited');
  assert.equal(calls.analyze, 2);
});

test('the cross-reference is rebuilt only after a change', () => {
  const { engine, calls } = countingEngine();
  const index = new WorkspaceIndex(engine);
  index.set('a', 'a'); index.set('b', 'b');
  const ws = index.workspace();
  assert.equal(index.workspace(), ws);
  assert.equal(calls.crossReference, 1);
  index.set('b', 'b'); // same text: nothing to redo
  index.workspace();
  assert.equal(calls.crossReference, 1);
  index.delete('b');
  index.workspace();
  assert.equal(calls.crossReference, 2);
  index.setAliases({ same: [['A', 'B']], different: [] });
  index.workspace();
  assert.equal(calls.crossReference, 3);
});

test('analyses made elsewhere are taken as they are', () => {
  const { engine, calls } = countingEngine();
  const index = new WorkspaceIndex(engine);
  index.setAnalyzed('w', 'worker text', empty('from worker'));
  assert.equal(index.get('w')?.analysis.title, 'from worker');
  assert.equal(index.set('w', 'worker text').analysis.title, 'from worker', 'same text: the cached analysis stands');
  assert.equal(calls.analyze, 0);
});

test('new options forget every analysis and name the documents to re-add', () => {
  const { engine } = countingEngine();
  const index = new WorkspaceIndex(engine);
  index.set('a', 'a'); index.set('b', 'b');
  assert.deepEqual(index.setOptions({ styleHedges: true }).sort(), ['a', 'b']);
  assert.equal(index.size, 0);
});

test('failures degrade: an analysis that throws becomes an empty one with a warning, a failed cross-reference an empty one', () => {
  const { engine } = countingEngine('POISON');
  const index = new WorkspaceIndex(engine);
  const doc = index.set('p', 'POISON text');
  assert.equal(doc.analysis.entities.length, 0);
  assert.match(doc.analysis.warnings[0]?.message ?? '', /analysis failed: boom/);
  index.set('q', 'xref:POISON');
  assert.equal(index.workspace().clusters.length, 0);
  assert.equal(index.crossReferenceError, 'xref boom');
  index.delete('q');
  index.workspace();
  assert.equal(index.crossReferenceError, null);
});

test('an index keeps tokens compactly: read back they equal the originals, and a view reads any range of them', async () => {
  const { tokenize } = await import('../../src/core/text/tokenize');
  const { compactAnalysis, tokenView } = await import('../../src/core/index/compactTokens');
  const text = 'Maj. Gen. Oded Basiuk told @CNN on Friday that 1,000 U.S. troops — “reportedly” — left https://x.example/a. Syria’s army didn\'t comment.';
  const tokens = tokenize(text);
  const original: DocumentAnalysis = { ...empty('t'), tokens };
  const kept = compactAnalysis(text, original);
  assert.deepEqual(kept, original);
  assert.deepEqual(JSON.parse(JSON.stringify(kept)), JSON.parse(JSON.stringify(original)));
  assert.equal(compactAnalysis(text, kept), kept, 'compacting twice changes nothing');
  const compact = tokenView(text, kept), plain = tokenView(text, original);
  assert.equal(compact.length, tokens.length);
  for (let start = 0; start <= text.length; start += 7) for (const len of [0, 1, 5, 30]) {
    const span = { start, end: start + len };
    const expected = tokens.filter((t) => t.end > span.start && t.start < span.end);
    assert.deepEqual(compact.overlapping(span), expected);
    assert.deepEqual(plain.overlapping(span), expected);
    assert.equal(compact.firstFrom(start), tokens.findIndex((t) => t.start >= start) === -1 ? tokens.length : tokens.findIndex((t) => t.start >= start));
  }
});

test('documents in an index are kept with compact tokens that read as the analysed ones', () => {
  const tokens = [{ start: 0, end: 5, text: 'Syria', kind: 'word' as const }];
  const engine: IndexEngine = {
    analyze: () => ({ ...empty('x'), tokens }),
    crossReference: () => ({ entities: [], entityOf: new Map(), clusters: [], clusterOf: new Map() }),
  };
  const index = new WorkspaceIndex(engine);
  const doc = index.set('a.txt', 'Syria');
  assert.deepEqual(doc.analysis.tokens, tokens);
  assert.notEqual(doc.analysis.tokens, tokens, 'made again from the compact form, not the array analysed');
});

test('documents are listed in the order they were first added, whatever is set, deleted and added again', () => {
  const { engine } = countingEngine();
  const index = new WorkspaceIndex(engine);
  const order: string[] = [];
  let s = 11;
  const rand = (k: number): number => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s >>> 8) % k; };
  for (let step = 0; step < 200; step++) {
    const id = `d${rand(12)}.txt`;
    if (rand(4) === 0) { index.delete(id); if (order.includes(id)) order.splice(order.indexOf(id), 1); }
    else { index.set(id, `text ${step}`); if (!order.includes(id)) order.push(id); }
    if (rand(3) === 0) index.workspace();
    const docs = index.documents();
    assert.deepEqual(docs.map((d) => d.id), order, `step ${step}`);
    assert.ok(docs.every((d) => d === index.get(d.id)), 'the current analyses');
    docs.length = 0; // a copy: the caller's to change
  }
});

test('a packed analysis reads back equal to the analysed one, JSON and key order included, tokens through a view', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { createCrosscheck } = await import('../../src/core/index');
  const { compactAnalysis, packAnalysis, tokenView, unpackAnalysis } = await import('../../src/core/index/compactTokens');
  const root = join(__dirname, '..', '..');
  const engine = createCrosscheck({ readNerModel: () => readFileSync(join(root, 'models', 'ner.json'), 'utf8') });
  const samples = readdirSync(join(root, 'samples')).filter((f) => /\.(txt|md|article)$/.test(f)).map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
  for (const text of [...samples, '', 'No names here.']) {
    const analysis = engine.analyze(text);
    const unpacked = unpackAnalysis(text, structuredClone(packAnalysis(text, analysis)));
    assert.deepStrictEqual(unpacked, analysis);
    assert.equal(JSON.stringify(unpacked), JSON.stringify(analysis));
    assert.equal(compactAnalysis(text, unpacked), unpacked, 'an index keeps it as it is');
    assert.deepEqual(tokenView(text, unpacked).slice(0, 5), analysis.tokens.slice(0, 5));
    assert.equal(unpacked.entities, unpacked.entities, 'a list read twice is the same list (kept made)');
  }
});

test('packing keeps what it does not know: absent keys, nulls, other values and a field added later', async () => {
  const { packAnalysis, unpackAnalysis } = await import('../../src/core/index/compactTokens');
  const text = 'Syria said on Monday that 2.5 million people fled.';
  const analysis = {
    ...empty(text),
    entities: [{ start: 0, end: 5, text: 'Syria', type: 'GPE' }, { start: 14, end: 20, text: 'Monday', type: 'DATE', value: '2024-01-01' }],
    claims: [{ id: 'c0', start: 0, end: 51, text: 'not the slice', attribution: null, entities: [0, 1], numbers: ['2.5 million'], dates: [], negated: false }],
    extra: [{ score: 0.25, tags: ['a', 1], nested: { start: 6, end: 10, text: 'said' } }, { score: null, tags: [], nested: null, only: -0 }],
    note: { kept: true },
  } as unknown as DocumentAnalysis;
  const unpacked = unpackAnalysis(text, structuredClone(packAnalysis(text, analysis)));
  assert.deepStrictEqual(unpacked, analysis);
  assert.equal(JSON.stringify(unpacked), JSON.stringify(analysis));
  assert.ok(Object.is((unpacked as unknown as { extra: { only?: number }[] }).extra[1]!.only, -0));
});
