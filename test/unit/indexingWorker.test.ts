import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexingWorker, type Cancellation, type JobHandlers } from '../../src/extension/indexingWorker';

// A stand-in for dist/worker.js speaking the same protocol, which misbehaves on files named for it:
// "hang" loops forever, "crash" throws, "exit" ends the thread, "slow" blocks for 400 ms.
const script = join(mkdtempSync(join(tmpdir(), 'crosscheck-worker-')), 'fake-worker.mjs');
writeFileSync(script, `
import { parentPort } from 'node:worker_threads';
const cancelled = new Set();
const turn = () => new Promise((r) => setImmediate(r));
parentPort.on('message', async (m) => {
  if (m.type === 'cancel') { cancelled.add(m.job); return; }
  let done = 0;
  for (const f of m.files) {
    await turn();
    if (cancelled.has(m.job)) break;
    if (f.path.includes('hang')) for (;;) {}
    if (f.path.includes('crash')) setTimeout(() => { throw new Error('boom'); });
    if (f.path.includes('crash')) return;
    if (f.path.includes('exit')) process.exit(3);
    if (f.path.includes('slow')) { const t = Date.now(); while (Date.now() - t < 400) {} }
    parentPort.postMessage({ type: 'analyzed', job: m.job, id: f.id, text: f.path, analysis: {} });
    parentPort.postMessage({ type: 'progress', job: m.job, done: ++done, total: m.files.length });
  }
  parentPort.postMessage({ type: 'done', job: m.job, cancelled: cancelled.delete(m.job) });
});
`);

// quietMs covers the fake worker's start-up even on a loaded machine (it inherits the tsx loader)
const limits = { quietMs: 1500, cancelGraceMs: 200, maxRestarts: 3 };
const files = (...names: string[]) => names.map((n) => ({ id: `file:///${n}`, path: n }));

function recorder() {
  const log = { analyzed: [] as string[], skipped: [] as { id: string; reason: string }[], progress: [] as number[], warnings: [] as string[] };
  const on: JobHandlers = {
    analyzed: (m) => log.analyzed.push(m.id),
    skipped: (m) => log.skipped.push({ id: m.id, reason: m.reason }),
    progress: (done) => log.progress.push(done),
    warning: (m) => log.warnings.push(m),
  };
  return { log, on };
}

/** A cancellation source like vscode's: `cancel()` fires it (after `ms`, when given). */
function cancellation(ms?: number): Cancellation & { cancel(): void } {
  const listeners: (() => unknown)[] = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(l: () => unknown) { listeners.push(l); return { dispose: () => undefined }; },
    cancel() { if (!token.isCancellationRequested) { token.isCancellationRequested = true; for (const l of listeners) l(); } },
  };
  if (ms !== undefined) setTimeout(() => token.cancel(), ms);
  return token;
}

test('a well-behaved worker analyses every file, in order, with progress to the end', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const { log, on } = recorder();
  const r = await w.run(files('a', 'b', 'c'), {}, 1000, on);
  w.dispose();
  assert.deepEqual(r, { cancelled: false });
  assert.deepEqual(log.analyzed, ['file:///a', 'file:///b', 'file:///c']);
  assert.equal(log.progress.at(-1), 3);
});

test('a file that hangs the worker is skipped with a reason and a fresh worker indexes the rest', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const { log, on } = recorder();
  const r = await w.run(files('a', 'hang', 'b'), {}, 1000, on);
  w.dispose();
  assert.equal(r.cancelled, false);
  assert.equal(r.failed, undefined);
  assert.deepEqual(log.analyzed, ['file:///a', 'file:///b']);
  assert.equal(log.skipped.length, 1);
  assert.equal(log.skipped[0]!.id, 'file:///hang');
  assert.match(log.skipped[0]!.reason, /hung/);
  assert.equal(log.progress.at(-1), 3, 'progress counts the skipped file too');
});

test('a worker that crashes or exits is replaced; the file it died on is skipped with the cause', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const { log, on } = recorder();
  const r = await w.run(files('crash', 'a', 'exit', 'b'), {}, 1000, on);
  w.dispose();
  assert.equal(r.failed, undefined);
  assert.deepEqual(log.analyzed, ['file:///a', 'file:///b']);
  assert.deepEqual(log.skipped.map((s) => s.id), ['file:///crash', 'file:///exit']);
  assert.match(log.skipped[0]!.reason, /crashed on it \(boom\)/);
  assert.match(log.skipped[1]!.reason, /exited \(code 3\)/);
});

test('a worker that keeps failing stops the job with a message instead of looping or hanging', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const { log, on } = recorder();
  const r = await w.run(files('crash1', 'crash2', 'crash3', 'a', 'b'), {}, 1000, on);
  w.dispose();
  assert.equal(r.cancelled, false);
  assert.match(r.failed ?? '', /failed 3 times in a row .*2 files not indexed/);
  assert.equal(log.skipped.length, 3);
  assert.deepEqual(log.analyzed, []);
});

test('cancelling stops between files and keeps what was analysed', async () => {
  const w = new IndexingWorker(script, {}, { ...limits, quietMs: 5_000, cancelGraceMs: 5_000 });
  const { log, on } = recorder();
  const token = cancellation();
  const r = await w.run(files('slow1', 'slow2', 'slow3', 'slow4', 'slow5'), {}, 1000, { ...on, analyzed: (m) => { on.analyzed(m); token.cancel(); } }, token);
  assert.equal(r.cancelled, true, JSON.stringify({ r, log }));
  assert.ok(log.analyzed.length >= 1 && log.analyzed.length < 5, `stopped part-way (${log.analyzed.length} analysed)`);
  // the worker survived a cooperative cancel and takes the next job
  const again = recorder();
  assert.deepEqual(await w.run(files('a'), {}, 1000, again.on), { cancelled: false });
  assert.deepEqual(again.log.analyzed, ['file:///a']);
  w.dispose();
});

test('cancelling while a file is stuck terminates the worker after the grace period', async () => {
  const w = new IndexingWorker(script, {}, { ...limits, quietMs: 60_000 });
  const { on } = recorder();
  const started = Date.now();
  const r = await w.run(files('hang', 'a'), {}, 1000, on, cancellation(100));
  assert.equal(r.cancelled, true);
  assert.ok(Date.now() - started < 5_000, 'returns soon after the grace period');
  const again = recorder();
  assert.deepEqual(await w.run(files('b'), {}, 1000, again.on), { cancelled: false }, 'a fresh worker takes the next job');
  w.dispose();
});

test('an already-cancelled job does not start the worker', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const { log, on } = recorder();
  const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };
  assert.deepEqual(await w.run(files('a'), {}, 1000, on, token), { cancelled: true });
  assert.deepEqual(log.analyzed, []);
  w.dispose();
});

test('jobs started together run one after another; one job\'s hung file never costs another job a file', async () => {
  const w = new IndexingWorker(script, {}, limits);
  const first = recorder();
  const second = recorder();
  const [r1, r2] = await Promise.all([w.run(files('a', 'hang', 'b'), {}, 1000, first.on), w.run(files('c', 'd'), {}, 1000, second.on)]);
  w.dispose();
  assert.deepEqual([r1, r2], [{ cancelled: false }, { cancelled: false }]);
  assert.deepEqual(first.log.analyzed, ['file:///a', 'file:///b']);
  assert.deepEqual(second.log.analyzed, ['file:///c', 'file:///d']);
  assert.deepEqual(second.log.skipped, []);
});

test('a worker idle for idleMs is ended, and the next job starts a new one that analyses every file', async () => {
  const spawned: import('node:worker_threads').Worker[] = [];
  const w = new IndexingWorker(script, {}, { ...limits, idleMs: 50 }, (t) => spawned.push(t));
  try {
    const first = recorder();
    await w.run(files('a', 'b'), {}, 1 << 20, first.on);
    // the timeout also keeps this process alive meanwhile (the worker and its idle timer do not)
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await new Promise<number>((resolve, reject) => {
      spawned[0]!.once('exit', resolve);
      timeout = setTimeout(() => reject(new Error('the idle worker was not ended within 5 s')), 5000);
    }).finally(() => clearTimeout(timeout));
    const second = recorder();
    await w.run(files('c'), {}, 1 << 20, second.on);
    assert.deepEqual(second.log.analyzed, ['file:///c']);
    assert.equal(spawned.length, 2);
  } finally {
    w.dispose();
  }
});
