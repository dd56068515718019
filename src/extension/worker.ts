/**
 * The workspace indexer, run in a worker thread so that reading and analysing many articles never blocks the
 * extension host: it reads each file (skipping binary, invalid, empty and oversized ones with a reason),
 * analyses it with the core and posts the result back, one file at a time, with progress and cancellation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createCrosscheck } from '../core/index';
import { readArticle } from '../cli/files';
import type { FromWorker, ToWorker } from './workerProtocol';

const port = parentPort;
const modelPath = (workerData as { modelPath?: string } | undefined)?.modelPath ?? '';
const post = (m: FromWorker): void => port?.postMessage(m);
const engine = createCrosscheck({
  readNerModel: () => readFileSync(modelPath, 'utf8'),
  warn: (message) => post({ type: 'warning', message }),
});

const cancelled = new Set<number>();
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function index(m: Extract<ToWorker, { type: 'index' }>): Promise<void> {
  let done = 0;
  for (const f of m.files) {
    await turn(); // lets a 'cancel' message in
    if (cancelled.has(m.job)) break;
    const r = readArticle(f.path, m.maxBytes);
    if (!r.ok) post({ type: 'skipped', job: m.job, id: f.id, reason: r.reason });
    else {
      const text = r.text; // decodeArticle already removed the one BOM; a second U+FEFF is text
      try {
        post({ type: 'analyzed', job: m.job, id: f.id, text, analysis: engine.analyze(text, m.options) });
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
  else if (m.type === 'index') void index(m);
});
