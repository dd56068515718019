import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCrosscheck, type AliasFile, type AnalyzedDocument, type WorkspaceAnalysis } from '../../src/core/index';
import { CrossReferenceClient, type CrossrefSource } from '../../src/extension/crossrefClient';
import { IndexingWorker } from '../../src/extension/indexingWorker';

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
const limits = { debounceMs: 20, maxRestarts: 3, slowMs: 1000, partItems: 1000 };

const samples = readdirSync(join(root, 'samples')).filter((f) => /\.(txt|md|article)$/.test(f)).sort().map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
const extra = [
  'WASHINGTON (Reuters) — Officials said on Monday that six people were killed in the strike, according to the health ministry.',
  'Six people died in the strike on Monday, the health ministry said. A senior Israeli source told CNN the talks were held in Azerbaijan.',
  'The army denied that direct talks took place. Maj. Gen. Oded Bashk said four people were hurt.',
];
const texts = [...samples, ...extra];

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info: ${m}`), error: (m: string) => lines.push(`error: ${m}`) } };
}

/** What a host holds: its documents by id and its aliases; the client's source for a fresh worker. */
function host() {
  const docs = new Map<string, AnalyzedDocument>();
  let aliases: AliasFile = { same: [], different: [] };
  const source: CrossrefSource = { documents: () => [...docs.values()], aliases: () => aliases };
  return { docs, source, setAliases: (a: AliasFile) => { aliases = a; }, aliases: () => aliases };
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

test('after adds, an edit, a delete and an alias, the published cross-reference equals the core’s synchronous one', async () => {
  const h = host();
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(realScript, h.source, log, limits);
  try {
    const put = (id: string, text: string): void => {
      const doc = { id, text, analysis: engine.analyze(text) };
      h.docs.set(id, doc);
      client.set(id, text, doc.analysis);
    };
    texts.forEach((t, i) => put(`file:///a${i}.txt`, t));
    assert.ok(client.pending, 'a request is pending');
    let ws = await client.settled();
    assert.ok(!client.pending);
    assert.ok(ws.entities.length > 0 && ws.clusters.length > 0, 'the corpus has entities and shared claims');
    assertSameAsCore(ws, [...h.docs.values()], h.aliases());

    // an edit (cross-referenced incrementally in the worker, posted as differences)
    put('file:///a0.txt', `${texts[0]}\n\nOfficials said 12 people were hurt in Azerbaijan, according to Oded Basiuk.`);
    client.delete('file:///a1.txt');
    h.docs.delete('file:///a1.txt');
    const aliases: AliasFile = { same: [['Oded Basiuk', 'Oded Bashk']], different: [] };
    h.setAliases(aliases);
    client.setAliases(aliases);
    ws = await client.settled();
    assertSameAsCore(ws, [...h.docs.values()], aliases);
    assert.deepEqual(lines.filter((l) => l.startsWith('error')), []);
  } finally {
    client.dispose();
  }
});

test('a result of more items than one part holds arrives in parts, and an edit after it as its differences', async () => {
  const h = host();
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(realScript, h.source, log, { ...limits, partItems: 7 });
  try {
    // near-copies of the samples with their numbers varied: many shared claims that differ
    for (let i = 0; i < 120; i++) {
      const text = samples[i % samples.length]!.replace(/\b\d+\b/g, (d) => String(Number(d) + (i % 7)));
      const doc = { id: `file:///n${i}.txt`, text, analysis: engine.analyze(text) };
      h.docs.set(doc.id, doc);
      client.set(doc.id, text, doc.analysis);
    }
    let ws = await client.settled();
    assert.ok(ws.entities.length + ws.clusters.length > 3 * 7, `${ws.entities.length} entities and ${ws.clusters.length} clusters: several parts`);
    assertSameAsCore(ws, [...h.docs.values()], h.aliases());
    const text = `${h.docs.get('file:///n5.txt')!.text}\n\nThe minister said 40 people were evacuated.`;
    const doc = { id: 'file:///n5.txt', text, analysis: engine.analyze(text) };
    h.docs.set(doc.id, doc);
    client.set(doc.id, text, doc.analysis);
    ws = await client.settled();
    assertSameAsCore(ws, [...h.docs.values()], h.aliases());
    assert.deepEqual(lines.filter((l) => l.startsWith('error')), []);
  } finally {
    client.dispose();
  }
});

test('an indexing worker’s analyses reach the cross-reference worker over their own channel, by key', async () => {
  const h = host();
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(realScript, h.source, log, limits);
  const indexer = new IndexingWorker(tsWorker(join(root, 'src', 'extension', 'worker.ts')), { modelPath }, { quietMs: 60_000, cancelGraceMs: 1000, maxRestarts: 1 }, (w) => client.attach(w));
  try {
    let relayed = 0;
    const files = texts.map((text, i) => ({ id: `file:///w${i}.txt`, text }));
    await indexer.run(files, {}, 1 << 20, {
      analyzed: (m) => {
        if (m.relay) relayed++;
        h.docs.set(m.id, { id: m.id, text: m.text, analysis: m.analysis });
        client.setAnalyzed(m.id, m.text, m.analysis, m.relay);
      },
      skipped: (m) => assert.fail(`${m.id} skipped: ${m.reason}`),
      progress: () => undefined,
      warning: () => undefined,
    });
    assert.equal(relayed, files.length, 'every analysis was relayed');
    client.flush();
    const ws = await client.settled();
    assertSameAsCore(ws, [...h.docs.values()], h.aliases());
    assert.deepEqual(lines.filter((l) => l.startsWith('error')), []);
  } finally {
    indexer.dispose();
    client.dispose();
  }
});

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
  const ids = [...docs].sort();
  if (ids.includes('crash')) setTimeout(() => { throw new Error('boom'); });
  if (ids.includes('crash')) return;
  if (ids.includes('fail')) { parentPort.postMessage({ type: 'failed', request: m.request, message: 'no good' }); return; }
  if (m.changes.some((c) => c.id === 'slow')) { const t = Date.now(); while (Date.now() - t < 400) {} }
  const entity = { id: 'r' + m.request, name: ids.join(','), type: 'PERSON', variants: [], mentions: ids.map((doc) => ({ doc, index: 0 })) };
  parentPort.postMessage({ type: 'items', request: m.request, entities: [entity], clusters: [] });
  parentPort.postMessage({ type: 'published', request: m.request, workspace: { base: 0, entities: [-1], clusters: [] }, documents: ids.length, ms: 0 });
});
`);
const analysis = engine.analyze('');

test('a superseded request is never published, and its successor is', async () => {
  const { log } = recordingLog();
  const client = new CrossReferenceClient(fake, host().source, log, limits);
  try {
    const published: string[] = [];
    client.onDidPublish((ws) => published.push(ws.entities[0]!.id));
    client.set('slow', '', analysis);
    client.flush(); // request 1: the worker is busy with it for 400 ms
    client.set('b', '', analysis);
    client.flush(); // request 2 supersedes it while it runs
    const ws = await client.settled();
    assert.deepEqual(published, ['r2']);
    assert.equal(ws.entities[0]!.name, 'b,slow');
    assert.equal(ws.entityOf.get('b#0'), 'r2');
  } finally {
    client.dispose();
  }
});

test('changes close together are sent as one request', async () => {
  const { log } = recordingLog();
  const client = new CrossReferenceClient(fake, host().source, log, { ...limits, debounceMs: 50 });
  try {
    for (const id of ['a', 'b', 'c']) client.set(id, '', analysis);
    const ws = await client.settled();
    assert.equal(ws.entities[0]!.id, 'r1');
    assert.equal(ws.entities[0]!.name, 'a,b,c');
  } finally {
    client.dispose();
  }
});

test('a failed cross-reference is logged and the last one kept', async () => {
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(fake, host().source, log, limits);
  try {
    client.set('a', '', analysis);
    const first = await client.settled();
    client.set('fail', '', analysis);
    const after = await client.settled();
    assert.equal(after, first);
    assert.match(lines.join('\n'), /error: cross-referencing failed \(no good\); the last cross-reference is kept/);
  } finally {
    client.dispose();
  }
});

test('a crashed worker is logged, the last cross-reference kept, and a new worker given every document', async () => {
  const h = host();
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(fake, h.source, log, limits);
  try {
    h.docs.set('a', { id: 'a', text: '', analysis });
    client.set('a', '', analysis);
    const first = await client.settled();
    assert.equal(first.entities[0]!.name, 'a');
    const published: WorkspaceAnalysis[] = [];
    client.onDidPublish((ws) => published.push(ws));
    client.set('crash', '', analysis); // the host's documents (the new worker's) do not have it
    const after = await client.settled();
    assert.match(lines.join('\n'), /error: the cross-reference worker crashed \(boom\); the last cross-reference is kept/);
    assert.equal(published.length, 1, 'the new worker published');
    assert.equal(after.entities[0]!.name, 'a');
  } finally {
    client.dispose();
  }
});

test('a worker that keeps crashing stops cross-referencing after maxRestarts, keeping the last result', async () => {
  const h = host();
  const { lines, log } = recordingLog();
  const client = new CrossReferenceClient(fake, h.source, log, limits);
  try {
    client.set('a', '', analysis);
    const first = await client.settled();
    h.docs.set('crash', { id: 'crash', text: '', analysis });
    client.set('crash', '', analysis);
    const after = await client.settled();
    assert.equal(after, first);
    assert.match(lines.join('\n'), /crashed \(boom\), 3 times in a row: cross-referencing stopped; the last cross-reference is kept/);
    assert.ok(!client.pending);
  } finally {
    client.dispose();
  }
});
