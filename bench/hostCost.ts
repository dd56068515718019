/**
 * What indexing and cross-referencing N articles cost the extension host's main thread, as the extension does it:
 * the indexing worker (dist/worker.js) reads and analyses the files, then the cross-reference is made either on the
 * host (`sync`, as before) or in its worker (`worker`: dist/crossrefWorker.js, analyses relayed to it). The host keeps
 * the analyses packed, as the extension does for articles not open in an editor (in `sync` whole: its cross-reference
 * reads them all), and the indexing worker ends when idle, as in the extension. Prints, per
 * phase, the host's busy time (event-loop utilisation: handlers and message deserialisation) and its longest block,
 * and the process's peak resident memory (host and workers). Phases: index, cross-reference, one article edited, one
 * deleted.
 * `node --import tsx bench/hostCost.ts 1000 worker` (build first). Each mode in its own process.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { createCrosscheck, type AliasFile } from '../src/core/index';
import { unpackAnalysis } from '../src/core/index/compactTokens';
import { CrossReferenceClient } from '../src/extension/crossrefClient';
import { IndexingWorker } from '../src/extension/indexingWorker';
import { realArticles, replicate } from './corpus';

const n = Number(process.argv[2] ?? 1000);
const mode = process.argv[3] === 'sync' ? 'sync' : 'worker';
const root = resolve(__dirname, '..');
const modelPath = join(root, 'models', 'ner.json');
const engine = createCrosscheck({ readNerModel: () => readFileSync(modelPath, 'utf8') });
const index = engine.createIndex();
const aliases: AliasFile = { same: [], different: [] };

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-hostcost-'));
mkdirSync(dir, { recursive: true });
const files = replicate(realArticles(), n).map((t, i) => { const path = join(dir, `a${i}.txt`); writeFileSync(path, t); return { id: `file://${path}`, path }; });
// the texts stay on disk, as the extension's do (the index keeps each one read)
const firstText = readFileSync(files[0]!.path, 'utf8');

const client = mode === 'worker'
  ? new CrossReferenceClient(join(root, 'dist', 'crossrefWorker.js'), { documents: () => index.documents(), aliases: () => aliases }, { info: () => undefined, error: (m) => console.error(m) })
  : null;
const indexer = new IndexingWorker(join(root, 'dist', 'worker.js'), { modelPath }, undefined, client ? (w) => client.attach(w) : undefined);

/** The host's garbage-collection pauses (its own heap: analyses received, results kept). */
const gcPauses: number[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcPauses.push(e.duration); }).observe({ entryTypes: ['gc'] });

/** Host busy time, longest block and garbage-collection pauses while `work` runs. */
async function phase(name: string, work: () => Promise<unknown> | unknown): Promise<Record<string, number | string>> {
  // a heartbeat every 2 ms: the longest gap between two beats is the longest stretch the host could not answer
  let last = performance.now(), longest = 0;
  const beat = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; }, 2);
  gcPauses.length = 0;
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  const used = performance.eventLoopUtilization(elu);
  longest = Math.max(longest, performance.now() - last);
  clearInterval(beat);
  await new Promise((r) => setImmediate(r)); // the observer is told of the last pauses
  const gc = { gcMs: Math.round(gcPauses.reduce((a, b) => a + b, 0)), longestGcMs: Math.round(Math.max(0, ...gcPauses)) };
  return { phase: name, wallMs: Math.round(wall), hostBusyMs: Math.round(used.active), longestBlockMs: Math.round(longest), ...gc };
}

async function main(): Promise<void> {
  const rows: Record<string, number | string>[] = [];
  let hostHandlerMs = 0;
  rows.push(await phase('index', () => indexer.run(files, {}, 1 << 22, {
    analyzed: (m) => {
      const t = performance.now();
      // as the extension keeps an article not open in an editor: packed (the host's own cross-reference reads it whole)
      const packed = unpackAnalysis(m.text, m.packed);
      const analysis = client ? packed : { ...packed };
      index.setAnalyzed(m.id, m.text, analysis);
      client?.setAnalyzed(m.id, m.text, analysis, m.relay);
      hostHandlerMs += performance.now() - t;
    },
    skipped: (m) => console.error(`${m.id}: ${m.reason}`),
    progress: () => undefined,
    warning: () => undefined,
  })));
  rows.at(-1)!.handlersMs = Math.round(hostHandlerMs);
  const crossReference = (): Promise<unknown> | unknown => {
    if (!client) return index.workspace();
    client.flush();
    return client.settled();
  };
  rows.push(await phase('cross-reference', crossReference));
  const edited = `${firstText}\n\nOfficials said 12 people were hurt.`;
  // the edited article is analysed on the host in both modes (an open editor's text), outside the timing
  const analysis = engine.analyze(edited);
  rows.push(await phase('edit', () => {
    const doc = index.setAnalyzed(files[0]!.id, edited, analysis);
    client?.set(doc.id, doc.text, analysis);
    return crossReference();
  }));
  // an article deleted (the second: the first is the edited one), as when a file is removed from the workspace
  rows.push(await phase('delete', () => {
    index.delete(files[1]!.id);
    client?.delete(files[1]!.id);
    return crossReference();
  }));
  const ws = client ? client.workspace() : index.workspace();
  // Peak resident memory of the whole process: the host and its worker threads (each worker keeps its own data).
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ articles: n, mode, entities: ws.entities.length, clusters: ws.clusters.length, peakRssMB, rows }) + '\n');
  indexer.dispose();
  client?.dispose();
  rmSync(dir, { recursive: true, force: true });
}

void main();
