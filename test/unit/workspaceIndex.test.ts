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
