import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { createCrosscheck, type AliasFile, type AnalyzedDocument, type Crosscheck, type WorkspaceAnalysis, type WorkspaceIndex } from '../core/index';
import { decodeArticle } from '../cli/files';
import { unpackAnalysis } from '../core/index/compactTokens';
import type { CrosscheckConfig } from './config';
import { CrossReferenceClient, type CrossrefLimits } from './crossrefClient';
import type { Relay } from './crossrefProtocol';
import { IndexingWorker, type WorkerLimits } from './indexingWorker';
import type { WorkerData, WorkerFile } from './workerProtocol';

const ARTICLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/**
 * Open documents longer than this (characters) are analysed in a worker rather than on the extension host, so typing
 * in a long article never blocks the host; shorter ones (almost every article) are analysed at once, which keeps
 * hovers and highlights immediate.
 */
export const LIVE_ON_HOST_LIMIT = 60_000;
const EXCLUDE = '**/{node_modules,.git,.crosscheck,dist,out}/**';

/** The outcome of indexing the workspace's article files. */
export interface IndexResult {
  readonly files: number;
  readonly analysed: number;
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
  readonly cancelled: boolean;
  /** How many of the analysed files came from the analysis cache (unchanged since an earlier session). */
  readonly fromCache: number;
  /** Why indexing stopped before the end, when the worker kept failing. */
  readonly failed?: string;
}

/**
 * The workspace's articles and their analyses, keyed by URI string. Open editors are analysed here on demand
 * (one article is fast); the workspace's files are read and analysed by the worker. Both land in the core's
 * WorkspaceIndex, which caches by content hash. The cross-reference is made in a worker of its own, which keeps its
 * own index (the indexing worker relays its analyses there directly); `workspace()` answers from its latest result.
 */
export class ArticleIndex implements vscode.Disposable {
  readonly engine: Crosscheck;
  private readonly index: WorkspaceIndex;
  private aliases: AliasFile = { same: [], different: [] };
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the ids of documents whose analysis changed (empty when only the cross-reference did). */
  readonly onDidChange = this.changed.event;
  private readonly crossReferencedEmitter = new vscode.EventEmitter<WorkspaceAnalysis>();
  /** Fires when a new cross-reference is published (before `onDidChange` fires for it). */
  readonly onDidCrossReference = this.crossReferencedEmitter.event;
  private readonly crossref: CrossReferenceClient;
  private readonly worker: IndexingWorker;
  /** A second worker for long open documents, so workspace indexing never delays them. */
  private readonly liveWorker: IndexingWorker;
  /** Long documents waiting for (or in) the live worker: id → the latest text asked for. */
  private readonly liveWanted = new Map<string, string>();
  private readonly liveRunning = new Set<string>();
  private readonly skippedReasons = new Map<string, string>();

  constructor(extensionUri: vscode.Uri, private config: CrosscheckConfig, private readonly log: vscode.LogOutputChannel, opts: { cacheDir?: string; workerLimits?: WorkerLimits; crossrefLimits?: CrossrefLimits } = {}) {
    const modelPath = vscode.Uri.joinPath(extensionUri, 'models', 'ner.json').fsPath;
    this.engine = createCrosscheck({ readNerModel: () => readFileSync(modelPath, 'utf8'), warn: (m) => log.warn(m) });
    this.index = this.engine.createIndex(config.analysis);
    this.crossref = new CrossReferenceClient(
      vscode.Uri.joinPath(extensionUri, 'dist', 'crossrefWorker.js').fsPath,
      { documents: () => this.index.documents(), aliases: () => this.aliases },
      { info: (m) => log.info(m), error: (m) => log.error(m) },
      opts.crossrefLimits,
    );
    this.crossref.onDidPublish((ws) => {
      this.crossReferencedEmitter.fire(ws);
      this.changed.fire([]);
    });
    this.crossref.onDidChangeSlow(() => this.changed.fire([])); // the views say (or stop saying) "cross-referencing…"
    this.worker = new IndexingWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath, { modelPath, cacheDir: opts.cacheDir } satisfies WorkerData, opts.workerLimits, (w) => this.crossref.attach(w));
    this.liveWorker = new IndexingWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath, { modelPath } satisfies WorkerData, opts.workerLimits);
  }

  /**
   * New settings. When the analysis options changed every analysis is stale: open documents are re-analysed now,
   * the others are dropped and the caller re-indexes them in the worker. Returns whether that is needed.
   */
  setConfig(config: CrosscheckConfig): boolean {
    const optionsChanged = JSON.stringify(config.analysis) !== JSON.stringify(this.config.analysis);
    this.config = config;
    if (!optionsChanged) return false;
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const ids = this.index.setOptions(config.analysis);
    this.crossref.clear();
    for (const id of ids) {
      const doc = open.get(id);
      if (!doc) continue;
      const text = doc.getText();
      if (text.length > LIVE_ON_HOST_LIMIT) this.analyseLive(id, text);
      else this.put(id, text);
    }
    this.changed.fire(ids);
    return true;
  }

  setAliases(aliases: AliasFile): void {
    this.aliases = aliases;
    this.index.setAliases(aliases);
    this.crossref.setAliases(aliases);
    this.changed.fire([]);
  }

  getAliases(): AliasFile {
    return this.aliases;
  }

  /** Whether a document is an article: the `article` language, or a file matching `crosscheck.files.include`. */
  isArticle(document: vscode.TextDocument): boolean {
    if (!ARTICLE_SCHEMES.has(document.uri.scheme)) return false;
    if (document.languageId === 'article') return true;
    return this.config.include.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  /** Why a document was not analysed, if it was refused (too large, binary...). */
  skippedReason(id: string): string | undefined {
    return this.skippedReasons.get(id);
  }

  /** Analyses an open document's current text (not what is on disk); returns null when it is not an article or too big. */
  updateDocument(document: vscode.TextDocument): AnalyzedDocument | null {
    if (!this.isArticle(document)) return null;
    const id = document.uri.toString();
    const text = document.getText();
    if (text.length > this.config.maxBytes) {
      this.skip(id, `larger than the ${Math.round(this.config.maxBytes / 1024)} KB limit (crosscheck.files.maxSizeKB)`);
      return null;
    }
    const before = this.index.get(id);
    if (text.length > LIVE_ON_HOST_LIMIT && before?.text !== text) {
      this.analyseLive(id, text);
      return null; // the analysis arrives through onDidChange
    }
    const doc = this.put(id, text);
    if (before !== doc) this.changed.fire([id]);
    return doc;
  }

  /** Analyses a long open document in the live worker; only the latest text of each document is analysed. */
  private analyseLive(id: string, text: string): void {
    this.liveWanted.set(id, text);
    if (this.liveRunning.has(id)) return; // picked up when the running analysis ends
    this.liveRunning.add(id);
    void (async () => {
      try {
        for (let wanted = this.liveWanted.get(id); wanted !== undefined; wanted = this.liveWanted.get(id)) {
          this.liveWanted.delete(id);
          let result: AnalyzedDocument['analysis'] | undefined;
          let failure: string | undefined;
          await this.liveWorker.run([{ id, text: wanted }], this.config.analysis, Number.MAX_SAFE_INTEGER, {
            analyzed: (m) => { result = { ...unpackAnalysis(m.text, m.packed) }; }, // open: kept whole
            skipped: (m) => { failure = m.reason; },
            progress: () => undefined,
            warning: (m) => this.log.warn(m),
          });
          if (this.liveWanted.has(id)) continue; // typed on meanwhile: analyse the newer text
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
          if (!open || open.getText() !== wanted) continue; // closed, or no longer this text
          if (failure) this.log.error(`${vscode.workspace.asRelativePath(vscode.Uri.parse(id))}: ${failure}`);
          if (result) {
            this.index.setAnalyzed(id, wanted, result);
            this.crossref.set(id, wanted, result);
            this.skippedReasons.delete(id);
            this.changed.fire([id]);
          }
        }
      } finally {
        this.liveRunning.delete(id);
      }
    })();
  }

  get(id: string): AnalyzedDocument | undefined {
    return this.index.get(id);
  }

  documents(): AnalyzedDocument[] {
    return this.index.documents();
  }

  remove(id: string): void {
    if (this.forget(id)) {
      this.changed.fire([id]);
    }
  }

  private forget(id: string): boolean {
    if (!this.index.delete(id)) return false;
    this.crossref.delete(id);
    return true;
  }

  /**
   * The latest cross-reference of every article, made in the worker after each change: until the worker publishes the
   * next one (`crossReferencePending`), it may be a change behind the documents.
   */
  workspace(): WorkspaceAnalysis {
    return this.crossref.workspace();
  }

  /** Whether the cross-reference is being made again after a change. */
  get crossReferencePending(): boolean {
    return this.crossref.pending;
  }

  /** Whether the published cross-reference is of the document's current analysis (not of an earlier version, or none). */
  crossReferenceCovers(id: string): boolean {
    return this.crossref.covers(id);
  }

  /** Whether it has been pending long enough (a second) for the views to say that it is being made. */
  get crossReferencing(): boolean {
    return this.crossref.slow;
  }

  /** Resolves with the cross-reference once it covers every change made so far (or the worker failed on it). */
  crossReferenced(): Promise<WorkspaceAnalysis> {
    return this.crossref.settled();
  }

  /**
   * Reads and analyses every article file of the workspace in the worker, reporting progress; open documents keep
   * their editor text. Cancelling keeps what was analysed so far.
   */
  async indexWorkspace(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<IndexResult> {
    const glob = this.config.include.length === 1 ? this.config.include[0]! : `{${this.config.include.join(',')}}`;
    const uris = await vscode.workspace.findFiles(glob, EXCLUDE, this.config.maxWorkspaceFiles);
    if (token?.isCancellationRequested) return { files: uris.length, analysed: 0, skipped: [], cancelled: true, fromCache: 0 };
    const seen = new Set(uris.map((u) => u.toString()));
    const openIds = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    // files deleted or no longer matching since the last run
    for (const doc of this.index.documents()) if (!seen.has(doc.id) && !openIds.has(doc.id)) this.forget(doc.id);
    return this.indexFiles(uris, progress, token);
  }

  /** Reads and analyses the given files (open ones from their editors), e.g. after they changed on disk. */
  async indexFiles(uris: readonly vscode.Uri[], progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<IndexResult> {
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    let analysed = 0;
    const onDisk: WorkerFile[] = [];
    const virtual: vscode.Uri[] = [];
    for (const uri of uris) {
      const id = uri.toString();
      const doc = open.get(id);
      if (doc) { if (this.updateDocument(doc)) analysed++; }
      else if (uri.scheme === 'file') onDisk.push({ id, path: uri.fsPath });
      else virtual.push(uri);
    }
    const skipped: { id: string; reason: string }[] = [];
    const changedIds: string[] = [];
    const total = onDisk.length + virtual.length;
    const step = total ? 100 / total : 0;
    const accept = (id: string, text: string, analysis: AnalyzedDocument['analysis'], relay?: Relay): void => {
      this.index.setAnalyzed(id, text, analysis);
      this.crossref.setAnalyzed(id, text, analysis, relay);
      this.skippedReasons.delete(id);
      changedIds.push(id);
      analysed++;
    };
    let cancelled = false;
    let failed: string | undefined;
    let fromCache = 0;
    if (onDisk.length) {
      const r = await this.worker.run(onDisk, this.config.analysis, this.config.maxBytes, {
        analyzed: (m) => { if (!open.has(m.id)) { accept(m.id, m.text, unpackAnalysis(m.text, m.packed), m.relay); if (m.cached) fromCache++; } },
        skipped: (m) => { skipped.push({ id: m.id, reason: m.reason }); this.skip(m.id, m.reason); },
        progress: (done) => progress?.report({ message: `${done}/${total}`, increment: step }),
        warning: (message) => this.log.warn(message),
      }, token);
      cancelled = r.cancelled;
      if (r.failed) { this.log.error(r.failed); failed = r.failed; }
      this.log.info(`${onDisk.length} article file${onDisk.length === 1 ? '' : 's'} read in the worker, ${fromCache} ${fromCache === 1 ? 'analysis' : 'analyses'} from the cache${cancelled ? ' (cancelled)' : ''}`);
    }
    for (const uri of virtual) {
      if (token?.isCancellationRequested) { cancelled = true; break; }
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.length > this.config.maxBytes) throw new Error(`larger than the ${Math.round(this.config.maxBytes / 1024)} KB limit`);
        const r = decodeArticle(bytes);
        if (!r.ok) throw new Error(r.reason);
        const text = r.text; // decodeArticle already removed the one BOM; a second U+FEFF is text
        accept(uri.toString(), text, this.engine.analyze(text, this.config.analysis));
      } catch (e) {
        skipped.push({ id: uri.toString(), reason: (e as Error).message });
      }
      progress?.report({ increment: step });
    }
    for (const s of skipped) this.log.warn(`${vscode.workspace.asRelativePath(vscode.Uri.parse(s.id))}: ${s.reason}, skipped`);
    this.crossref.flush(); // indexing is over: no need to wait for more changes
    this.changed.fire(changedIds);
    return { files: uris.length, analysed, skipped, cancelled, fromCache, ...(failed ? { failed } : {}) };
  }

  private put(id: string, text: string): AnalyzedDocument {
    const before = this.index.get(id);
    const doc = this.index.set(id, text);
    if (doc !== before) this.crossref.set(id, text, doc.analysis);
    const failure = doc.analysis.warnings.find((w) => w.message.startsWith('analysis failed'));
    if (doc !== before && failure) this.log.error(`${vscode.workspace.asRelativePath(vscode.Uri.parse(id))}: ${failure.message}`);
    this.skippedReasons.delete(id);
    return doc;
  }

  private skip(id: string, reason: string): void {
    if (this.skippedReasons.get(id) !== reason) this.log.warn(`${vscode.workspace.asRelativePath(vscode.Uri.parse(id))}: ${reason}, not analysed`);
    this.skippedReasons.set(id, reason);
    if (this.forget(id)) {
      this.changed.fire([id]);
    }
  }

  dispose(): void {
    this.worker.dispose();
    this.liveWorker.dispose();
    this.crossref.dispose();
    this.crossReferencedEmitter.dispose();
    this.changed.dispose();
  }
}
