import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/index';
import type { FromWorker, ToWorker, WorkerFile } from './workerProtocol';

type Message<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** What a job reports as it goes; `skipped` also receives the files the worker hung or crashed on. */
export interface JobHandlers {
  analyzed(m: Message<'analyzed'>): void;
  skipped(m: { readonly id: string; readonly reason: string }): void;
  progress(done: number, total: number): void;
  warning(message: string): void;
}

/** The part of `vscode.CancellationToken` a job needs (this module stays free of `vscode`). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

export interface WorkerLimits {
  /** A file whose analysis sends nothing for this long is taken as hung: the worker is replaced and the file skipped. */
  readonly quietMs: number;
  /** After a cancel, how long the worker may take to stop by itself before it is terminated. */
  readonly cancelGraceMs: number;
  /** Consecutive failures without a single file finished before the job gives up. */
  readonly maxRestarts: number;
  /**
   * With no job for this long the worker thread is ended (its model and memos are some 150 MB the host process need not
   * keep while the workspace is cross-referenced and edited); the next job starts a new one. Default 5 s.
   */
  readonly idleMs?: number;
}

export const DEFAULT_LIMITS: WorkerLimits = { quietMs: 30_000, cancelGraceMs: 2_000, maxRestarts: 3, idleMs: 5_000 };

/** How a job ended: `failed` says why indexing stopped early (the worker kept failing), if it did. */
export interface JobResult {
  readonly cancelled: boolean;
  readonly failed?: string;
}

/**
 * Runs indexing jobs in a worker thread and keeps them going when the worker misbehaves: a file that hangs the
 * worker (nothing heard for `quietMs`) or crashes it is skipped with a reason, a fresh worker takes the rest, and
 * after `maxRestarts` failures in a row the job stops with a message instead of hanging. Cancelling asks the worker
 * to stop between files and terminates it if it does not within `cancelGraceMs` (a file stuck in analysis). Jobs
 * queue: one runs at a time.
 */
export class IndexingWorker {
  private worker: Worker | null = null;
  private job = 0;
  /** Jobs run one after another: a worker replaced for one job must not take another job's files with it. */
  private queue: Promise<unknown> = Promise.resolve();
  private jobs = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly script: string,
    private readonly workerData: unknown,
    private readonly limits: WorkerLimits = DEFAULT_LIMITS,
    /** Told of each new worker thread (the cross-reference client connects it). */
    private readonly onSpawn?: (worker: Worker) => void,
  ) {}

  run(files: readonly WorkerFile[], options: AnalysisOptions, maxBytes: number, on: JobHandlers, token?: Cancellation): Promise<JobResult> {
    clearTimeout(this.idle);
    this.jobs++;
    const next = this.queue.then(() => this.runNow(files, options, maxBytes, on, token)).finally(() => {
      if (--this.jobs) return;
      this.idle = setTimeout(() => { if (this.worker && !this.jobs) this.kill(this.worker); }, this.limits.idleMs ?? DEFAULT_LIMITS.idleMs);
      this.idle.unref();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(files: readonly WorkerFile[], options: AnalysisOptions, maxBytes: number, on: JobHandlers, token?: Cancellation): Promise<JobResult> {
    let rest = files;
    let done = 0;
    let failures = 0;
    while (rest.length) {
      if (token?.isCancellationRequested) return { cancelled: true };
      const r = await this.runOnce(rest, options, maxBytes, on, token, (n) => on.progress(done + n, files.length));
      done += r.finished;
      if (r.outcome === 'done') return { cancelled: r.cancelled };
      // the worker hung or crashed on the first file it had not finished: skip it, restart on the others
      const culprit = rest[r.finished];
      rest = rest.slice(r.finished + 1);
      failures = r.finished > 0 ? 1 : failures + 1;
      if (culprit) {
        on.skipped({ id: culprit.id, reason: r.reason });
        on.progress(++done, files.length);
      }
      if (failures >= this.limits.maxRestarts && rest.length) {
        const failed = `indexing stopped: the worker failed ${failures} times in a row (last: ${r.reason}); ${rest.length} file${rest.length === 1 ? '' : 's'} not indexed`;
        return { cancelled: false, failed };
      }
    }
    return { cancelled: false };
  }

  /** One worker run over `files`, until it reports done, hangs, crashes or is cancelled. */
  private runOnce(
    files: readonly WorkerFile[], options: AnalysisOptions, maxBytes: number, on: JobHandlers, token: Cancellation | undefined,
    progress: (finished: number) => void,
  ): Promise<{ outcome: 'done'; cancelled: boolean; finished: number } | { outcome: 'failed'; reason: string; finished: number }> {
    const worker = this.spawn();
    const job = ++this.job;
    let finished = 0;
    return new Promise((resolve) => {
      let quiet: ReturnType<typeof setTimeout> | undefined;
      let grace: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const end = (r: Parameters<typeof resolve>[0], kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(quiet);
        clearTimeout(grace);
        sub?.dispose();
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (kill) this.kill(worker);
        resolve(r);
      };
      const watch = (): void => {
        clearTimeout(quiet);
        quiet = setTimeout(() => end({ outcome: 'failed', finished, reason: `analysis sent nothing for ${Math.round(this.limits.quietMs / 1000)} s (hung)` }, true), this.limits.quietMs);
      };
      const onMessage = (m: FromWorker): void => {
        if (m.type === 'warning') { on.warning(m.message); return; }
        if (m.job !== job) return;
        watch();
        if (m.type === 'analyzed') on.analyzed(m);
        else if (m.type === 'skipped') on.skipped(m);
        else if (m.type === 'progress') progress((finished = m.done));
        else if (m.type === 'done') end({ outcome: 'done', cancelled: m.cancelled, finished }, false);
      };
      const onError = (e: Error): void => end({ outcome: 'failed', finished, reason: `the indexing worker crashed on it (${e.message})` }, true);
      const onExit = (code: number): void => end({ outcome: 'failed', finished, reason: `the indexing worker exited (code ${code}) on it` }, true);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const sub = token?.onCancellationRequested(() => {
        send({ type: 'cancel', job });
        grace = setTimeout(() => end({ outcome: 'done', cancelled: true, finished }, true), this.limits.cancelGraceMs);
      });
      const send = (m: ToWorker): void => worker.postMessage(m);
      watch();
      send({ type: 'index', job, files, options, maxBytes });
    });
  }

  private spawn(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.script, { workerData: this.workerData });
      this.worker.unref();
      this.onSpawn?.(this.worker);
    }
    return this.worker;
  }

  private kill(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate().catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.idle);
    if (this.worker) this.kill(this.worker);
  }
}
