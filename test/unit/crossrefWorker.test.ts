import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCrosscheck, type AliasFile, type AnalyzedDocument, type WorkspaceAnalysis, type WorkspaceEntity } from '../../src/core/index';
import { CrossReferenceClient, type CrossrefLimits } from '../../src/extension/crossrefClient';
import { IndexingWorker } from '../../src/extension/indexingWorker';
import { unpackAnalysis } from '../../src/core/index/compactTokens';

const root = resolve(__dirname, '..', '..');
const modelPath = join(root, 'models', 'ner.json');
const engine = createCrosscheck({ readNerModel: () => readFileSync(modelPath, 'utf8') });
const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-xref-'));
/** A worker script that runs a TypeScript source through tsx (a worker thread does not take the loader of `--import`). */
function tsWorker(source: string): string {
  const file = join(scratch, `${source.split(/[\\/]/).pop()}.cjs`);
  writeFileSync(file, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(source)});\n`);
  return file;
}
const realScript = tsWorker(join(root, 'src', 'extension', 'crossrefWorker.ts'));
const limits = { debounceMs: 20, maxWaitMs: 2_000, maxRestarts: 3, slowMs: 1000, partSize: 20_000 };

const samples = readdirSync(join(root, 'samples')).filter((f) => /\.(txt|md|article)$/.test(f)).sort().map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
const extra = [
  'WASHINGTON (Reuters) — Officials said on Monday that six people were killed in the strike, according to the health ministry.',
  'Six people died in the strike on Monday, the health ministry said. A senior Israeli source told CNN the talks were held in Azerbaijan.',
  'The army denied that direct talks took place. Maj. Gen. Oded Bashk said four people were hurt.',
];
const texts = [...samples, ...extra];
const empty = engine.analyze('');

/** A host's side for one test: its documents and aliases (the source a fresh worker is given), a client, its log. */
interface Fixture {
  readonly client: CrossReferenceClient;
  readonly docs: Map<string, AnalyzedDocument>;
  readonly lines: string[];
  aliases: AliasFile;
  /** Analyses (or takes) a document as the host does and tells the client. */
  put(id: string, text: string): void;
  errors(): string[];
}

async function withClient(script: string, run: (f: Fixture) => Promise<void>, opts: CrossrefLimits = limits): Promise<void> {
  const lines: string[] = [];
  const docs = new Map<string, AnalyzedDocument>();
  const f: Fixture = {
    docs, lines, aliases: { same: [], different: [] },
    client: new CrossReferenceClient(script, { documents: () => [...docs.values()], aliases: () => f.aliases }, { info: (m) => lines.push(`info: ${m}`), error: (m) => lines.push(`error: ${m}`) }, opts),
    put(id, text) {
      const doc = { id, text, analysis: script === realScript ? engine.analyze(text) : empty };
      docs.set(id, doc);
      f.client.set(id, text, doc.analysis);
    },
    errors: () => lines.filter((l) => l.startsWith('error')),
  };
  try {
    await run(f);
  } finally {
    f.client.dispose();
  }
}

/** The host's snapshot equals the core's synchronous cross-reference of the same documents. */
function assertSameAsCore(ws: WorkspaceAnalysis, docs: readonly AnalyzedDocument[], aliases: AliasFile): void {
  const core = engine.crossReference(docs, aliases);
  assert.deepEqual(ws.entities, core.entities);
  assert.deepEqual(ws.clusters, core.clusters);
  assert.deepEqual(new Map(ws.entityOf), new Map(core.entityOf));
  assert.deepEqual(new Map(ws.clusterOf), new Map(core.clusterOf));
  for (const [k, v] of core.entityOf) assert.equal(ws.entityOf.get(k), v);
}

test('after adds, an edit, a delete and an alias, the published cross-reference equals the core’s synchronous one', () => withClient(realScript, async (f) => {
  texts.forEach((t, i) => f.put(`file:///a${i}.txt`, t));
  assert.ok(f.client.pending, 'a request is pending');
  let ws = await f.client.settled();
  assert.ok(!f.client.pending);
  assert.ok(ws.entities.length > 0 && ws.clusters.length > 0, 'the corpus has entities and shared claims');
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);

  // an edit (cross-referenced incrementally in the worker, posted as differences), a delete, an alias
  f.put('file:///a0.txt', `${texts[0]}\n\nOfficials said 12 people were hurt in Azerbaijan, according to Oded Basiuk.`);
  f.client.delete('file:///a1.txt');
  f.docs.delete('file:///a1.txt');
  f.aliases = { same: [['Oded Basiuk', 'Oded Bashk']], different: [] };
  f.client.setAliases(f.aliases);
  ws = await f.client.settled();
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);
  assert.deepEqual(f.errors(), []);
}));

test('an analysis the worker cannot take is left out and logged; the other changes of its request still count', () => withClient(realScript, async (f) => {
  texts.forEach((t, i) => f.put(`file:///a${i}.txt`, t));
  await f.client.settled();
  // one request: a damaged analysis (as from a broken cache entry), then an edit and a delete
  f.client.set('file:///bad.txt', 'Some text.', { claims: 3 } as unknown as AnalyzedDocument['analysis']);
  f.put('file:///a0.txt', `${texts[0]}\n\nOfficials said 12 people were hurt in Azerbaijan.`);
  f.client.delete('file:///a1.txt');
  f.docs.delete('file:///a1.txt');
  const ws = await f.client.settled();
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);
  assert.match(f.errors().join('\n'), /cross-referencing left out file:\/\/\/bad\.txt \(/);
  assert.ok(f.client.covers('file:///a0.txt'));
}));

test('a result of more items than one part holds arrives in parts, and an edit after it as its differences', () => withClient(realScript, async (f) => {
  // near-copies of the samples with their numbers varied: many shared claims that differ
  for (let i = 0; i < 120; i++) f.put(`file:///n${i}.txt`, samples[i % samples.length]!.replace(/\b\d+\b/g, (d) => String(Number(d) + (i % 7))));
  let ws = await f.client.settled();
  const size = ws.entities.reduce((n, e) => n + 1 + e.mentions.length, 0) + ws.clusters.reduce((n, c) => n + 1 + c.claims.length, 0);
  assert.ok(size > 3 * 30, `${size} mentions, claims and items: several parts`);
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);
  f.put('file:///n5.txt', `${f.docs.get('file:///n5.txt')!.text}\n\nThe minister said 40 people were evacuated.`);
  ws = await f.client.settled();
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);
  // The first article deleted: the entities named in it first, most of them, are numbered again; they are not sent
  // again, the host renames its own (their mention lists are the very same objects).
  const content = (e: WorkspaceEntity): string => JSON.stringify({ ...e, id: undefined });
  const held = new Map(ws.entities.map((e) => [content(e), e]));
  f.client.delete('file:///n0.txt');
  f.docs.delete('file:///n0.txt');
  ws = await f.client.settled();
  let renamed = 0;
  for (const e of ws.entities) {
    const was = held.get(content(e));
    if (!was) continue; // it lost the deleted article's mentions
    assert.equal(e.mentions, was.mentions, `${e.name} was not sent again`);
    if (e.id !== was.id) renamed++;
  }
  assert.ok(renamed > 0, 'entities were numbered anew');
  assertSameAsCore(ws, [...f.docs.values()], f.aliases);
  assert.deepEqual(f.errors(), []);
}, { ...limits, partSize: 30 }));

test('after the worker ends unexpectedly, a new one is given every document in batches and publishes the same cross-reference', () => withClient(realScript, async (f) => {
  for (let i = 0; i < 120; i++) f.put(`file:///r${i}.txt`, texts[i % texts.length]!.replace(/\b\d+\b/g, (d) => String(Number(d) + (i % 5))));
  const before = await f.client.settled();
  const published: WorkspaceAnalysis[] = [];
  f.client.onDidPublish((ws) => published.push(ws));
  f.put('file:///r0.txt', `${f.docs.get('file:///r0.txt')!.text}\n\nOfficials said 12 people were hurt.`); // pending when it ends
  void (f.client as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  const after = await f.client.settled();
  assert.match(f.errors().join('\n'), /the cross-reference worker exited \(code 1\); the last cross-reference is kept and a new worker is given every document/);
  assert.equal(published.length, 1);
  assert.notEqual(after, before);
  assertSameAsCore(after, [...f.docs.values()], f.aliases);
}));

test('an indexing worker’s analyses reach the cross-reference worker over their own channel, by key', () => withClient(realScript, async (f) => {
  const indexer = new IndexingWorker(tsWorker(join(root, 'src', 'extension', 'worker.ts')), { modelPath }, { quietMs: 60_000, cancelGraceMs: 1000, maxRestarts: 1 }, (w) => f.client.attach(w));
  try {
    let relayed = 0;
    const files = texts.map((text, i) => ({ id: `file:///w${i}.txt`, text }));
    await indexer.run(files, {}, 1 << 20, {
      analyzed: (m) => {
        if (m.relay) relayed++;
        const analysis = unpackAnalysis(m.text, m.packed);
        f.docs.set(m.id, { id: m.id, text: m.text, analysis });
        f.client.setAnalyzed(m.id, m.text, analysis, m.relay);
      },
      skipped: (m) => assert.fail(`${m.id} skipped: ${m.reason}`),
      progress: () => undefined,
      warning: () => undefined,
    });
    assert.equal(relayed, files.length, 'every analysis was relayed');
    f.client.flush();
    assertSameAsCore(await f.client.settled(), [...f.docs.values()], f.aliases);
    assert.deepEqual(f.errors(), []);
  } finally {
    indexer.dispose();
  }
}));

// A stand-in for the cross-reference worker: publishes one entity named for the request and the documents it holds;
// a document named "slow" holds it 400 ms, "fail" makes the run fail, "crash" throws out of the thread.
const fake = join(scratch, 'fake-crossref-worker.mjs');
writeFileSync(fake, `
import { parentPort } from 'node:worker_threads';
const docs = new Set();
parentPort.on('message', (m) => {
  if (m.type !== 'run') return;
  if (m.clear) docs.clear();
  for (const c of m.changes) { if (c.kind === 'delete') docs.delete(c.id); else docs.add(c.id); }
  if (m.partial) return;
  const ids = [...docs].sort();
  if (ids.includes('crash')) setTimeout(() => { throw new Error('boom'); });
  if (ids.includes('crash')) return;
  if (ids.includes('fail')) { parentPort.postMessage({ type: 'failed', request: m.request, message: 'no good' }); return; }
  if (m.changes.some((c) => c.id === 'slow')) { const t = Date.now(); while (Date.now() - t < 400) {} }
  const entity = { id: 'r' + m.request, name: ids.join(','), type: 'PERSON', variants: [], mentions: ids.map((doc) => ({ doc, index: 0 })) };
  parentPort.postMessage({ type: 'items', request: m.request, entities: [entity], clusters: [] });
  parentPort.postMessage({ type: 'published', request: m.request, workspace: { base: 0, entities: [-1], clusters: [], renamed: { entities: [], clusters: [] } }, documents: ids.length, ms: 0, leftOut: [] });
});
`);

test('a superseded request is never published, and its successor is', () => withClient(fake, async (f) => {
  const published: string[] = [];
  f.client.onDidPublish((ws) => published.push(ws.entities[0]!.id));
  f.put('slow', '');
  f.client.flush(); // request 1: the worker is busy with it for 400 ms
  f.put('b', '');
  assert.ok(!f.client.covers('slow') && !f.client.covers('b'), 'no result covers them yet');
  f.client.flush(); // request 2 supersedes it while it runs
  const ws = await f.client.settled();
  assert.deepEqual(published, ['r2']);
  assert.ok(f.client.covers('slow') && f.client.covers('b'));
  assert.equal(ws.entities[0]!.name, 'b,slow');
  assert.equal(ws.entityOf.get('b#0'), 'r2');
}));

test('changes close together are sent as one request', () => withClient(fake, async (f) => {
  for (const id of ['a', 'b', 'c']) f.put(id, '');
  const ws = await f.client.settled();
  assert.equal(ws.entities[0]!.id, 'r1');
  assert.equal(ws.entities[0]!.name, 'a,b,c');
}, { ...limits, debounceMs: 50 }));

test('changes that keep coming closer together than the debounce are still sent every maxWaitMs', () => withClient(fake, async (f) => {
  const published: string[] = [];
  f.client.onDidPublish((ws) => published.push(ws.entities[0]!.name));
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < 900; i++) { // a user typing on: a change every 50 ms, for 900 ms
    f.put(`k${i}`, '');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(published.length >= 2, `published ${published.length} times while the changes kept coming`);
  await f.client.settled();
  assert.ok(published.at(-1)!.split(',').length >= 10, 'the last result has every document');
}, { ...limits, debounceMs: 100, maxWaitMs: 250 }));

test('an indexing worker\'s analyses, however long they keep coming, wait for a pause (the index flushes when indexing ends)', () => withClient(fake, async (f) => {
  const published: string[] = [];
  f.client.onDidPublish((ws) => published.push(ws.entities[0]!.name));
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < 900; i++) {
    f.client.setAnalyzed(`k${i}`, '', empty, undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.deepEqual(published, [], 'no cross-reference of a workspace half read (an edit would have been sent after maxWaitMs)');
  f.client.flush();
  await f.client.settled();
  assert.equal(published.length, 1);
}, { ...limits, debounceMs: 1_000, maxWaitMs: 250 }));

test('a cross-reference pending longer than slowMs is slow until it ends, and listeners hear both', () => withClient(fake, async (f) => {
  const heard: boolean[] = [];
  f.client.onDidChangeSlow(() => heard.push(f.client.slow));
  f.put('a', ''); // starts the worker (which a loaded machine may take longer than slowMs over)
  await f.client.settled();
  heard.length = 0;
  f.put('slow', ''); // the worker takes 400 ms over it
  const became = new Promise<void>((resolve) => f.client.onDidChangeSlow(() => resolve()));
  await became;
  assert.ok(f.client.slow && f.client.pending);
  await f.client.settled();
  assert.deepEqual(heard, [true, false]);
  assert.ok(!f.client.slow);
}, { ...limits, slowMs: 150 }));

test('a failed cross-reference is logged and the last one kept', () => withClient(fake, async (f) => {
  f.put('a', '');
  const first = await f.client.settled();
  f.put('fail', '');
  assert.equal(await f.client.settled(), first);
  assert.match(f.lines.join('\n'), /error: cross-referencing failed \(no good\); the last cross-reference is kept/);
}));

test('a crashed worker is logged, the last cross-reference kept, and a new worker given every document', () => withClient(fake, async (f) => {
  f.put('a', '');
  assert.equal((await f.client.settled()).entities[0]!.name, 'a');
  const published: WorkspaceAnalysis[] = [];
  f.client.onDidPublish((ws) => published.push(ws));
  f.client.set('crash', '', empty); // not among the host's documents: the new worker is not given it
  const after = await f.client.settled();
  assert.match(f.lines.join('\n'), /error: the cross-reference worker crashed \(boom\); the last cross-reference is kept/);
  assert.equal(published.length, 1, 'the new worker published');
  assert.equal(after.entities[0]!.name, 'a');
}));

test('a worker that keeps crashing stops cross-referencing after maxRestarts, keeping the last result', () => withClient(fake, async (f) => {
  f.put('a', '');
  const first = await f.client.settled();
  f.put('crash', ''); // among the host's documents: every new worker is given it
  assert.equal(await f.client.settled(), first);
  assert.match(f.lines.join('\n'), /crashed \(boom\), 3 times in a row: cross-referencing stopped; the last cross-reference is kept/);
  assert.ok(!f.client.pending);
}));

test('disposing ends the worker: a waiter gets the last result, nothing is pending or published after', () => withClient(fake, async (f) => {
  f.put('a', '');
  const first = await f.client.settled();
  const published: WorkspaceAnalysis[] = [];
  f.client.onDidPublish((ws) => published.push(ws));
  f.put('slow', '');
  f.client.flush(); // in flight when the client goes
  const settled = f.client.settled();
  f.client.dispose();
  assert.equal(await settled, first);
  assert.ok(!f.client.pending);
  f.put('b', '');
  assert.ok(!f.client.pending, 'a disposed client takes no more requests');
  assert.deepEqual(published, []);
  assert.deepEqual(f.errors(), [], 'terminating it is no crash');
}));
