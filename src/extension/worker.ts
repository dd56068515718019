/**
 * The workspace indexer, run in a worker thread so that reading and analysing many articles never blocks the
 * extension host: it reads each file (skipping binary, invalid, empty and oversized ones with a reason),
 * analyses it with the core and posts the result back, one file at a time, with progress and cancellation.
 */
import { parentPort, threadId, workerData, type MessagePort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createCrosscheck } from '../core/index';
import { readArticle } from '../cli/files';
import { AnalysisCache } from './analysisCache';
import { packAnalysis } from '../core/index/compactTokens';
import type { DocumentAnalysis } from '../core/index';
import type { RelayedAnalysis } from './crossrefProtocol';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

const port = parentPort;
const data = (workerData ?? {}) as Partial<WorkerData>;
const modelPath = data.modelPath ?? '';
/** Analyses kept on disk between sessions, keyed by text, options and this build (this bundle and the model). */
const cache = data.cacheDir ? new AnalysisCache(data.cacheDir, AnalysisCache.fingerprint([__filename, modelPath])) : null;
let pruned = false;
const post = (m: FromWorker): void => port?.postMessage(m);
const engine = createCrosscheck({
  readNerModel: () => readFileSync(modelPath, 'utf8'),
  warn: (message) => post({ type: 'warning', message }),
});

/** The cross-reference worker's channel, when the host gave one: each analysis is posted there too, under a key. */
let relay: { port: MessagePort; channel: number } | null = null;
let relayed = 0;
/** Posts an analysis to the host, and first to the cross-reference worker (so that it is there when the host names it). */
function analyzed(job: number, id: string, text: string, analysis: DocumentAnalysis, cached: boolean): void {
  const packed = packAnalysis(text, analysis);
  if (!relay) { post({ type: 'analyzed', job, id, text, packed, cached }); return; }
  const key = `${threadId}:${++relayed}`;
  relay.port.postMessage({ key, id, text, analysis } satisfies RelayedAnalysis);
  post({ type: 'analyzed', job, id, text, packed, cached, relay: { channel: relay.channel, key } });
}

const cancelled = new Set<number>();
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function index(m: Extract<ToWorker, { type: 'index' }>): Promise<void> {
  let done = 0;
  if (cache && !pruned) {
    pruned = true;
    cache.prune();
  }
  for (const f of m.files) {
    await turn(); // lets a 'cancel' message in
    if (cancelled.has(m.job)) break;
    const r = 'text' in f ? { ok: true as const, text: f.text } : readArticle(f.path, m.maxBytes);
    if (!r.ok) post({ type: 'skipped', job: m.job, id: f.id, reason: r.reason });
    else {
      const text = r.text; // decodeArticle already removed the one BOM; a second U+FEFF is text
      try {
        const found = cache?.get(text, m.options);
        if (found && 'hit' in found) analyzed(m.job, f.id, text, found.hit, true);
        else {
          if (found?.miss === 'damaged') post({ type: 'warning', message: `${'path' in f ? f.path : f.id}: its cached analysis was damaged; analysed again` });
          const analysis = engine.analyze(text, m.options);
          cache?.put(text, m.options, analysis);
          analyzed(m.job, f.id, text, analysis, false);
        }
      } catch (e) {
        post({ type: 'skipped', job: m.job, id: f.id, reason: `analysis failed (${(e as Error).message})` });
      }
    }
    post({ type: 'progress', job: m.job, done: ++done, total: m.files.length });
  }
  post({ type: 'done', job: m.job, cancelled: cancelled.delete(m.job) });
}

port?.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') cancelled.add(m.job);
  else if (m.type === 'relay') {
    relay?.port.close();
    relay = { port: m.port, channel: m.channel };
  } else if (m.type === 'index') void index(m);
});
