import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCrosscheck, type AnalyzedDocument } from '../../src/core/index';
import { readModel } from './sharedData';

/** Golden expectations for the project's own sample articles: a fictional grounding told by three outlets. */
const ROOT = resolve(__dirname, '..', '..');
const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'samples.expected.json'), 'utf8')) as {
  entities: [string, string, string][];
  attributions: [string, string, string, string, string][];
  sameEntity: [string, string][][];
  differentEntity: [[string, string], [string, string]][];
  differences: [string, string, string][];
  singleSource: [string, string][];
};
const engine = createCrosscheck({ readNerModel: readModel });
const docs: AnalyzedDocument[] = readdirSync(join(ROOT, 'samples')).sort().map((f) => {
  const text = readFileSync(join(ROOT, 'samples', f), 'utf8');
  return { id: f, text, analysis: engine.analyze(text) };
});
const ws = engine.crossReference(docs);
const doc = (id: string): AnalyzedDocument => docs.find((d) => d.id === id) ?? assert.fail(`no sample ${id}`);
const entityIdOf = (id: string, text: string): string | undefined => {
  const d = doc(id);
  const i = d.analysis.entities.findIndex((e) => e.text === text);
  return i < 0 ? undefined : ws.entityOf.get(`${id}#${i}`);
};

test('samples: the entities a reader sees, with their types', () => {
  for (const [id, text, type] of expected.entities) {
    const found = doc(id).analysis.entities.filter((e) => e.text === text).map((e) => e.type);
    assert.ok(found.includes(type as never), `${id}: "${text}" as ${type}, found ${found.join(', ') || 'nothing'}`);
  }
});

test('samples: attributions with source, cue, kind and stance', () => {
  for (const [id, source, cue, kind, stance] of expected.attributions) {
    const a = doc(id).analysis.attributions.find((x) => x.cue.text.toLowerCase() === cue && x.source?.text === source);
    assert.ok(a, `${id}: ${source} — ${cue}`);
    assert.equal(a.sourceKind, kind, `${id}: kind of ${source}`);
    assert.equal(a.stance, stance, `${id}: stance of ${source} ${cue}`);
  }
});

test('samples: the minister under two spellings is one entity; different names stay apart', () => {
  for (const group of expected.sameEntity) {
    const ids = group.map(([id, text]) => entityIdOf(id, text));
    assert.ok(ids[0], `${group[0]![1]} has an entity`);
    for (const x of ids) assert.equal(x, ids[0], group.map((g) => g[1]).join(' = '));
  }
  for (const [[ia, ta], [ib, tb]] of expected.differentEntity) {
    const a = entityIdOf(ia, ta), b = entityIdOf(ib, tb);
    assert.ok(a && b && a !== b, `${ta} != ${tb}`);
  }
});

test('samples: differences of the right kind between outlets', () => {
  for (const [kind, a, b] of expected.differences) {
    const hit = ws.clusters.some((c) => c.differences.some((d) => d.kind === kind && (kind === 'contradiction'
      ? c.claims.some((r) => doc(r.doc).analysis.claims.find((x) => x.id === r.claim)?.text.includes(a))
        && c.claims.some((r) => doc(r.doc).analysis.claims.find((x) => x.id === r.claim)?.text.includes(b))
      : d.detail.includes(a) && d.detail.includes(b))));
    assert.ok(hit, `a ${kind} difference between "${a}" and "${b}"`);
  }
});

test('samples: the look-alike grounding stands on one source', () => {
  for (const [id, text] of expected.singleSource) {
    const claims = doc(id).analysis.claims.filter((c) => c.text.includes(text));
    assert.ok(claims.length, `a claim covers "${text}"`);
    for (const c of claims) assert.equal(ws.clusterOf.get(`${id}#${c.id}`), undefined, `"${c.text}" is in no cluster`);
  }
});
