import { MessageChannel, Worker } from 'node:worker_threads';
import type { AliasFile, AnalyzedDocument, ClaimCluster, DocumentAnalysis, WorkspaceAnalysis, WorkspaceEntity } from '../core/index';
import type { CrossrefWorkerData, DocumentChange, FromCrossrefWorker, PostedWorkspace, Relay, Renamed, ToCrossrefWorker } from './crossrefProtocol';

/** Where the client reports; the extension passes its log channel (this module stays free of `vscode`). */
export interface CrossrefLog {
  info(message: string): void;
  error(message: string): void;
}

export interface CrossrefLimits {
  /** Changes closer together than this are sent as one request. */
  readonly debounceMs: number;
  /**
   * The longest an edit waits for the changes after it (while the user types on, the sidebar still follows). The
   * indexing workers' analyses wait for the end of indexing instead (the index flushes then): a cross-reference of
   * every few thousand articles on the way would cost the worker and the host, not help the user.
   */
  readonly maxWaitMs: number;
  /** Crashes of the worker in a row (no result in between) after which cross-referencing stops. */
  readonly maxRestarts: number;
  /** Pending this long, the cross-reference is `slow`: worth telling the user that one is being made. */
  readonly slowMs: number;
  /**
   * How much of a result one message carries (items, counting each mention, claim and difference span); the host
   * reads each in a few milliseconds (a part of 5,000 in ~5 to 10 ms); between parts it is free.
   */
  readonly partSize: number;
}

export const DEFAULT_CROSSREF_LIMITS: CrossrefLimits = { debounceMs: 300, maxWaitMs: 2_000, maxRestarts: 3, slowMs: 1000, partSize: 5_000 };

/** What a fresh worker needs after the last one crashed: every document and the aliases. */
export interface CrossrefSource {
  documents(): readonly AnalyzedDocument[];
  aliases(): AliasFile;
}

/** Documents per message when a new worker is given them all (a batch is cloned in a few tens of milliseconds). */
const RELOAD_BATCH = 50;

const EMPTY: WorkspaceAnalysis = { entities: [], entityOf: new Map(), clusters: [], clusterOf: new Map() };

/**
 * The host's side of the cross-reference worker: it collects the documents' changes, sends them (debounced; each
 * request supersedes the one before) and keeps the latest published cross-reference, which `workspace` answers
 * synchronously; the host never runs `crossReference` itself. A result of a superseded request is never published.
 * A worker that fails or crashes is logged and the last cross-reference kept; a crashed one is replaced and given
 * every document again, up to `maxRestarts` times in a row.
 */
export class CrossReferenceClient {
  private worker: Worker | null = null;
  /** Bumped with each worker: a relay over an older worker's channel never reached the current one. */
  private channel = 0;
  private snapshot: WorkspaceAnalysis = EMPTY;
  /** The new items of the latest request's result, read part by part as they arrive. */
  private incoming: Incoming | null = null;
  /** The request whose result `snapshot` is (0: none yet). */
  private snapshotRequest = 0;
  private changes = new Map<string, DocumentChange>();
  /** The request each changed document was last sent with, until a published result covers it. */
  private readonly sentWith = new Map<string, number>();
  private clearAll = false;
  private newAliases: AliasFile | undefined;
  private requested = 0;
  private answered = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet sent was made (`performance.now()`), if one waits. */
  private waitingSince: number | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private isSlow = false;
  private failures = 0;
  /** While a new worker is given every document, batch by batch: requests wait for the end of it. */
  private reloading = false;
  private stopped = false;
  private disposed = false;
  /** Indexing worker threads that relay their analyses to the cross-reference worker. */
  private readonly relaying = new Set<Worker>();
  private readonly publishedListeners = new Set<(ws: WorkspaceAnalysis) => void>();
  private readonly slowListeners = new Set<() => void>();
  private readonly settledWaiters: (() => void)[] = [];
  /**
   * One string per document id, the host's own: each mention and claim of a posted result arrives with a copy of its
   * document's id (382,000 mentions at 10,000 articles: some 30 MB of copies).
   */
  private readonly ids = new Map<string, string>();
  /** The id cell of each item read: the lookups name items through it, so that an item numbered anew is one change. */
  private readonly cells = new WeakMap<object, Cell>();
  private readonly intern = (id: string): string => {
    const own = this.ids.get(id);
    if (own !== undefined) return own;
    this.ids.set(id, id);
    return id;
  };

  constructor(private readonly script: string, private readonly source: CrossrefSource, private readonly log: CrossrefLog, private readonly limits: CrossrefLimits = DEFAULT_CROSSREF_LIMITS) {}

  /** The latest published cross-reference (possibly a change behind the documents: see `pending`). */
  workspace(): WorkspaceAnalysis {
    return this.snapshot;
  }

  /** Whether changes are waiting to be, or being, cross-referenced. */
  get pending(): boolean {
    return this.timer !== undefined || this.requested !== this.answered || this.reloading;
  }

  /**
   * Whether the published cross-reference is of the document's current analysis: false from a change of it until a
   * result that includes the change is published (its mention and claim numbers in the snapshot may be the old ones).
   */
  covers(id: string): boolean {
    return !this.changes.has(id) && !this.clearAll && !this.sentWith.has(id);
  }

  /** Calls `listener` with each newly published cross-reference. */
  onDidPublish(listener: (ws: WorkspaceAnalysis) => void): { dispose(): void } {
    this.publishedListeners.add(listener);
    return { dispose: () => this.publishedListeners.delete(listener) };
  }

  /** Whether the pending cross-reference has taken `slowMs` so far (a quick one after an edit is not worth a word). */
  get slow(): boolean {
    return this.isSlow;
  }

  /** Calls `listener` when a pending cross-reference becomes slow, and when a slow one ends (published, failed or not). */
  onDidChangeSlow(listener: () => void): { dispose(): void } {
    this.slowListeners.add(listener);
    return { dispose: () => this.slowListeners.delete(listener) };
  }

  /** Resolves once nothing is pending: the published cross-reference covers every change made so far (or failed). */
  settled(): Promise<WorkspaceAnalysis> {
    if (!this.pending) return Promise.resolve(this.snapshot);
    return new Promise((resolve) => this.settledWaiters.push(() => resolve(this.snapshot)));
  }

  /** A document analysed on the host (or forwarded by it): its analysis goes to the worker with the request. */
  set(id: string, text: string, analysis: DocumentAnalysis): void {
    this.change({ kind: 'inline', id, text, analysis });
  }

  /**
   * A document analysed by an indexing worker: when it relayed the analysis over the current channel only its key is
   * sent, else (an older channel, or none) the analysis itself.
   */
  setAnalyzed(id: string, text: string, analysis: DocumentAnalysis, relay: Relay | undefined): void {
    if (relay && relay.channel === this.channel && this.worker) this.change({ kind: 'relayed', id, key: relay.key }, true);
    else this.change({ kind: 'inline', id, text, analysis }, true);
  }

  delete(id: string): void {
    this.change({ kind: 'delete', id });
  }

  /** Every document is forgotten (new analysis options); the caller adds them again. */
  clear(): void {
    this.changes.clear();
    this.clearAll = true;
    this.schedule();
  }

  setAliases(aliases: AliasFile): void {
    this.newAliases = aliases;
    this.schedule();
  }

  /**
   * An indexing worker thread whose analyses should go straight to the cross-reference worker: it is sent one end of
   * a channel (`{type: 'relay', port, channel}`), now and whenever the cross-reference worker is replaced.
   */
  attach(indexer: Worker): void {
    if (this.disposed || this.stopped) return;
    this.relaying.add(indexer);
    indexer.once('exit', () => this.relaying.delete(indexer));
    this.connect(indexer, this.spawn());
  }

  private connect(indexer: Worker, worker: Worker): void {
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ type: 'connect', port: port2 } satisfies ToCrossrefWorker, [port2]);
    indexer.postMessage({ type: 'relay', port: port1, channel: this.channel }, [port1]);
  }

  /** `indexed`: an indexing worker's analysis, which waits for the end of indexing rather than `maxWaitMs`. */
  private change(c: DocumentChange, indexed = false): void {
    if (c.kind === 'delete') this.ids.delete(c.id);
    else if (!this.ids.has(c.id)) this.ids.set(c.id, c.id);
    this.changes.delete(c.id); // a change replaces the document's earlier one, and goes after the others
    this.changes.set(c.id, c);
    this.schedule(indexed);
  }

  private schedule(indexed = false): void {
    if (this.disposed || this.stopped) return;
    clearTimeout(this.timer);
    const now = performance.now();
    if (!indexed) this.waitingSince ??= now;
    const wait = this.waitingSince === undefined ? this.limits.debounceMs : Math.min(this.limits.debounceMs, this.waitingSince + this.limits.maxWaitMs - now);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
    this.slowTimer ??= setTimeout(() => {
      this.isSlow = this.pending;
      if (this.isSlow) for (const l of this.slowListeners) l();
    }, this.limits.slowMs);
  }

  /** Sends the changes so far now, without waiting for the debounce (e.g. at the end of indexing). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waitingSince = undefined;
    if (this.disposed || this.stopped) return this.settle();
    if (this.reloading) return; // the changes go with the request that ends the reload
    if (!this.changes.size && !this.clearAll && !this.newAliases) return this.settle();
    const worker = this.spawn();
    const run: ToCrossrefWorker = {
      type: 'run', request: ++this.requested, base: this.snapshotRequest, clear: this.clearAll,
      changes: [...this.changes.values()], ...(this.newAliases ? { aliases: this.newAliases } : {}),
    };
    for (const id of this.changes.keys()) this.sentWith.set(id, run.request);
    this.changes = new Map();
    this.clearAll = false;
    this.newAliases = undefined;
    worker.postMessage(run);
    worker.ref(); // a request in flight keeps the process alive (a script, a test); the extension host does not care
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { partSize: this.limits.partSize } satisfies CrossrefWorkerData });
    worker.unref();
    this.worker = worker;
    this.channel++;
    worker.on('message', (m: FromCrossrefWorker) => this.receive(m));
    worker.on('error', (e) => this.crashed(worker, `crashed (${e.message})`));
    worker.on('exit', (code) => this.crashed(worker, `exited (code ${code})`));
    for (const indexer of this.relaying) this.connect(indexer, worker);
    return worker;
  }

  private receive(m: FromCrossrefWorker): void {
    if (this.disposed) return; // a message already on its way when the worker was ended
    if (m.type === 'items') {
      if (m.request === this.requested) {
        if (this.incoming?.request !== m.request) this.incoming = new Incoming(m.request, this.intern, this.cells);
        this.incoming.add(m.entities, m.clusters);
      }
      // read: the worker posts the next part, and the host is free meanwhile (a superseded one is acknowledged too)
      this.worker?.postMessage({ type: 'ack', request: m.request } satisfies ToCrossrefWorker);
      return;
    }
    if (m.request !== this.requested) return; // superseded: a newer request is on its way
    if (m.type === 'skipped') return;
    this.answered = m.request;
    if (m.type === 'failed') this.log.error(`cross-referencing failed (${m.message}); the last cross-reference is kept`);
    else {
      for (const doc of m.leftOut) this.log.error(`cross-referencing left out ${doc}`);
      const ws = this.apply(m.workspace, m.request);
      if (ws) {
        this.failures = 0;
        for (const l of this.publishedListeners) l(ws);
      }
    }
    this.settle();
  }

  /**
   * Makes the posted result the snapshot: the held one's items where unchanged, the new ones read before. Null (and
   * logged) when it refers to a result the host does not hold.
   */
  private apply(posted: PostedWorkspace, request: number): WorkspaceAnalysis | null {
    const incoming = this.incoming?.request === request ? this.incoming : new Incoming(request, this.intern, this.cells);
    this.incoming = null;
    if (posted.base !== 0 && posted.base !== this.snapshotRequest) {
      this.log.error(`a cross-reference refers to result ${posted.base}, not the one held (${this.snapshotRequest}); the last cross-reference is kept`);
      return null;
    }
    const old = posted.base ? this.snapshot : EMPTY;
    const entities = resolve(posted.entities, old.entities, incoming.entities);
    const clusters = resolve(posted.clusters, old.clusters, incoming.clusters);
    // Held items numbered anew: a copy under the new id, read through the same cell (their keys stay).
    const rename = <T extends { readonly id: string }>(list: T[], renamed: readonly Renamed[]): void => {
      for (const [place, id] of renamed) {
        const held = list[place]!;
        const cell = this.cells.get(held)!;
        const copy = { ...held, id };
        cell.id = id;
        this.cells.set(copy, cell);
        list[place] = copy;
      }
    };
    rename(entities, posted.renamed.entities);
    rename(clusters, posted.renamed.clusters);
    let entityOf = incoming.entityOf, clusterOf = incoming.clusterOf;
    if (posted.base) {
      // the held maps are carried over (the held result is replaced)
      entityOf = carry(old.entityOf as ByDocument, old.entities, posted.entities, incoming.entityOf, this.cells, (e, each) => { for (const m of e.mentions) each(m.doc, indexKey(m.index)); });
      clusterOf = carry(old.clusterOf as ByDocument, old.clusters, posted.clusters, incoming.clusterOf, this.cells, (c, each) => { for (const r of c.claims) each(r.doc, r.claim); });
    }
    this.snapshot = { entities, entityOf, clusters, clusterOf };
    this.snapshotRequest = request;
    for (const [id, sent] of this.sentWith) if (sent <= request) this.sentWith.delete(id);
    return this.snapshot;
  }

  private crashed(worker: Worker, how: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.disposed) return;
    void worker.terminate().catch(() => undefined);
    this.failures++;
    this.snapshotRequest = 0; // a fresh worker holds no earlier result to post against
    this.answered = this.requested;
    if (this.failures >= this.limits.maxRestarts) {
      this.stopped = true;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.log.error(`the cross-reference worker ${how}, ${this.failures} times in a row: cross-referencing stopped; the last cross-reference is kept`);
      this.settle();
      return;
    }
    this.log.error(`the cross-reference worker ${how}; the last cross-reference is kept and a new worker is given every document`);
    // keys relayed to the old worker are worth nothing to the new one: their documents are among those reloaded
    for (const [id, c] of this.changes) if (c.kind === 'relayed') this.changes.delete(id);
    this.clearAll = false; // the documents reloaded are the host's as they are now, after any clearing
    this.reloading = true;
    this.reload(this.spawn(), this.source.documents(), 0);
  }

  /**
   * Gives a new worker every document, a batch a turn (cloning thousands of analyses at once would block the host for
   * seconds), then sends the changes made meanwhile and the aliases with the request that ends the reload.
   */
  private reload(worker: Worker, docs: readonly AnalyzedDocument[], from: number): void {
    if (this.worker !== worker || this.disposed) return; // crashed again (that reload has begun) or disposed
    const batch = docs.slice(from, from + RELOAD_BATCH);
    if (batch.length) {
      const changes = batch.map((d): DocumentChange => ({ kind: 'inline', id: d.id, text: d.text, analysis: d.analysis }));
      worker.postMessage({ type: 'run', request: this.requested, base: 0, clear: from === 0, changes, partial: true } satisfies ToCrossrefWorker);
      setImmediate(() => this.reload(worker, docs, from + RELOAD_BATCH));
      return;
    }
    this.reloading = false;
    this.newAliases = this.source.aliases();
    this.flush();
  }

  private settle(): void {
    if (this.pending) return;
    clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
    const wasSlow = this.isSlow;
    this.isSlow = false;
    this.worker?.unref();
    if (wasSlow && !this.disposed) for (const l of this.slowListeners) l();
    for (const w of this.settledWaiters.splice(0)) w();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.slowTimer);
    this.timer = undefined;
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate().catch(() => undefined);
    this.answered = this.requested;
    this.settle();
  }
}

/** A posted list's items: `i >= 0` is the held list's, `-(k + 1)` the k-th new one. */
const resolve = <T>(list: readonly number[], held: readonly T[], fresh: readonly T[]): T[] =>
  list.map((i) => (i >= 0 ? held[i]! : fresh[-i - 1]!));

/**
 * A held `doc#key -> id` map carried over to a result: the keys (`keys`) of the held items the posted list no longer has
 * leave it, the new items' (`fresh`) enter it. When fewer held items stay than leave (an article deleted renumbers most
 * entities), `fresh` takes the kept items' keys instead: the host does the smaller part.
 */
function carry<T extends object>(held: ByDocument, items: readonly T[], list: readonly number[], fresh: ByDocument, cells: WeakMap<object, Cell>, keys: (item: T, each: (doc: string, key: string) => void) => void): ByDocument {
  const kept = new Uint8Array(items.length);
  let stay = 0;
  for (const i of list) if (i >= 0 && !kept[i]) { kept[i] = 1; stay++; }
  if (stay < items.length - stay) {
    for (let i = 0; i < items.length; i++) {
      if (!kept[i]) continue;
      const cell = cells.get(items[i]!)!;
      keys(items[i]!, (doc, key) => fresh.put(doc, key, cell));
    }
    return fresh;
  }
  for (let i = 0; i < items.length; i++) if (!kept[i]) keys(items[i]!, (doc, key) => held.remove(doc, key));
  held.take(fresh);
  return held;
}

/**
 * A result's new items as their parts arrive, with their lookup keys made part by part too: after a cold
 * cross-reference (every item new) the host never spends one long stretch on them.
 */
class Incoming {
  readonly entities: WorkspaceEntity[] = [];
  readonly clusters: ClaimCluster[] = [];
  readonly entityOf = new ByDocument();
  readonly clusterOf = new ByDocument();

  /**
   * `intern` gives the host's own string for a document id (the items are the host's once read: they may be changed);
   * each item is given its id cell in `cells`.
   */
  constructor(readonly request: number, private readonly intern: (id: string) => string, private readonly cells: WeakMap<object, Cell>) {}

  add(entities: readonly WorkspaceEntity[], clusters: readonly ClaimCluster[]): void {
    const intern = this.intern;
    for (const e of entities) {
      this.entities.push(e);
      const cell: Cell = { id: e.id };
      this.cells.set(e, cell);
      for (const m of e.mentions as readonly { doc: string; index: number }[]) {
        m.doc = intern(m.doc);
        this.entityOf.put(m.doc, indexKey(m.index), cell);
      }
    }
    for (const c of clusters) {
      this.clusters.push(c);
      const cell: Cell = { id: c.id };
      this.cells.set(c, cell);
      for (const r of c.claims as readonly { doc: string; claim: string }[]) {
        r.doc = intern(r.doc);
        this.clusterOf.put(r.doc, r.claim, cell);
      }
      for (const d of c.differences) {
        for (const r of d.claims as readonly { doc: string }[]) r.doc = intern(r.doc);
        for (const s of (d.spans ?? []) as readonly { doc: string }[]) s.doc = intern(s.doc);
      }
    }
  }
}

/** An item's id as the lookups read it: one object per item, changed when the item is numbered anew. */
interface Cell {
  id: string;
}

/** Mention numbers as map keys, one string each ("12"), not one per mention. */
const indexKeys: string[] = [];
function indexKey(i: number): string {
  for (let k = indexKeys.length; k <= i; k++) indexKeys.push(String(k));
  return indexKeys[i]!;
}

/**
 * A `doc#key` -> id map kept per document (`entityOf.get("a.txt#3")` -> "e12"): no key string is made for each of a
 * workspace's hundreds of thousands of mentions, which costs the host less when a result arrives.
 */
class ByDocument implements ReadonlyMap<string, string> {
  private readonly byDoc = new Map<string, Map<string, Cell>>();

  put(doc: string, key: string, cell: Cell): void {
    let m = this.byDoc.get(doc);
    if (!m) this.byDoc.set(doc, (m = new Map()));
    m.set(key, cell);
  }

  remove(doc: string, key: string): void {
    const m = this.byDoc.get(doc);
    if (m?.delete(key) && !m.size) this.byDoc.delete(doc);
  }

  /** Takes every entry of `other` (over its own, for the same keys). */
  take(other: ByDocument): void {
    for (const [doc, m] of other.byDoc) for (const [key, cell] of m) this.put(doc, key, cell);
  }

  get(k: string): string | undefined {
    const cut = k.lastIndexOf('#'); // document ids may hold a "#", mention numbers and claim ids do not
    return cut < 0 ? undefined : this.byDoc.get(k.slice(0, cut))?.get(k.slice(cut + 1))?.id;
  }

  has(k: string): boolean {
    return this.get(k) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const m of this.byDoc.values()) n += m.size;
    return n;
  }

  *entries(): MapIterator<[string, string]> {
    for (const [doc, m] of this.byDoc) for (const [key, cell] of m) yield [`${doc}#${key}`, cell.id];
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
