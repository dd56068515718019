/**
 * The workspace cross-reference, run in a worker thread so that linking thousands of articles never blocks the
 * extension host. It keeps its own WorkspaceIndex (and so its own CrossReferenceCache: an edit is cross-referenced
 * again incrementally), takes the host's changes request by request, receives the indexing workers' analyses
 * directly over their channels (the host never clones them a second time), and posts back each result as its
 * differences from the one the host holds.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ClaimCluster, WorkspaceAnalysis, WorkspaceEntity } from '../core/index';
import { crossReference } from '../core/crossref/crossReference';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import { compactAnalysis } from '../core/index/compactTokens';
import { hash53 } from '../core/index/hash';
import type { CrossrefWorkerData, DocumentChange, FromCrossrefWorker, PostedWorkspace, RelayedAnalysis, Renamed, ToCrossrefWorker } from './crossrefProtocol';

type Run = Extract<ToCrossrefWorker, { type: 'run' }>;

const post = (m: FromCrossrefWorker): void => parentPort?.postMessage(m);
// Analyses arrive made: this index only cross-references (and the bundle leaves the taggers and models out).
const index = new WorkspaceIndex({ analyze: () => { throw new Error('the cross-reference worker analyses nothing'); }, crossReference });

/** Relayed analyses by document id, in arrival order, until a request names one (or a later one) of them. */
const relayed = new Map<string, Map<string, RelayedAnalysis>>();
/** Who waits for a relayed analysis still on its way, by key. */
const awaited = new Map<string, () => void>();

function receive(r: RelayedAnalysis): void {
  let byKey = relayed.get(r.id);
  if (!byKey) relayed.set(r.id, (byKey = new Map()));
  // Kept compact while it waits (a cold workspace's analyses all arrive before the host's first request names them):
  // its tokens are most of it, and the index would compact it anyway.
  byKey.set(r.key, { ...r, analysis: compactAnalysis(r.text, r.analysis, true) });
  awaited.get(r.key)?.();
}

/**
 * The relayed analysis `key` of `id`, waiting for it when the host heard of it first. The ones that arrived before
 * it for that document are dropped with it: the host passed them over (it reads its channel in the same order).
 */
async function take(id: string, key: string): Promise<RelayedAnalysis> {
  for (;;) {
    const byKey = relayed.get(id);
    const found = byKey?.get(key);
    if (byKey && found) {
      for (const k of byKey.keys()) {
        byKey.delete(k);
        if (k === key) break;
      }
      if (!byKey.size) relayed.delete(id);
      return found;
    }
    await new Promise<void>((resolve) => awaited.set(key, resolve));
    awaited.delete(key);
  }
}

/** Documents left out since the last result was posted, with why: told with the next one. */
let leftOut: string[] = [];

/**
 * Applies one change; a document whose analysis the index cannot take (a damaged cache entry, say) is left out rather
 * than kept at its last version, and the other changes of the request still apply.
 */
async function apply(change: DocumentChange): Promise<void> {
  try {
    if (change.kind === 'delete') index.delete(change.id);
    else if (change.kind === 'inline') index.setAnalyzed(change.id, change.text, change.analysis);
    else {
      const r = await take(change.id, change.key);
      index.setAnalyzed(change.id, r.text, r.analysis);
    }
  } catch (e) {
    try { index.delete(change.id); } catch { /* it was not in the index */ }
    leftOut.push(`${change.id} (${(e as Error).message})`);
  }
}

/** A posted result's items by their content (their ids aside), to find them again in the next result. */
interface Posted {
  readonly entities: Keys;
  readonly clusters: Keys;
}
type Item = WorkspaceEntity | ClaimCluster;
interface Keys {
  /** Place of each item by the hash of its content (of two items under one hash, the later one). */
  readonly places: ReadonlyMap<number, number>;
  readonly items: readonly Item[];
}
/** The results posted since the one the host holds, by request: the next result is posted against one of them. */
const posted = new Map<number, Posted>();

/**
 * A value's JSON and its hash, kept per object: an item numbered anew shares its lists (mentions, claims, differences)
 * with the item it was, so that finding it again reads no list twice.
 */
interface Part {
  readonly json: string;
  readonly hash: number;
}
const parts = new WeakMap<object, Part>();
function partOf(v: unknown): Part {
  const shared = v !== null && typeof v === 'object';
  let p = shared ? parts.get(v) : undefined;
  if (!p) {
    const json = JSON.stringify(v) ?? '';
    p = { json, hash: hash53(json) };
    if (shared) parts.set(v, p);
  }
  return p;
}

/** The fields of an item that make its content: all but its id (an item numbered anew is the same item). */
const fieldsOf = (item: Item): string[] => Object.keys(item).filter((k) => k !== 'id');
const contentHashes = new WeakMap<object, number>();
function contentHash(item: Item): number {
  let h = contentHashes.get(item);
  if (h === undefined) {
    h = 0;
    for (const k of fieldsOf(item)) h = hash53(`${h}:${k}:${partOf((item as unknown as Record<string, unknown>)[k]).hash}`);
    contentHashes.set(item, h);
  }
  return h;
}
/** Whether two items read alike but for their ids (a hash is only where to look). */
function sameContent(a: Item, b: Item): boolean {
  const ka = fieldsOf(a), kb = fieldsOf(b);
  const ra = a as unknown as Record<string, unknown>, rb = b as unknown as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && (ra[k] === rb[k] || partOf(ra[k]).json === partOf(rb[k]).json));
}

/**
 * `items` as indexes: an item equal to one of the base list is its index there (and listed in `renamed` if its id
 * changed), a new one `-(k + 1)` of `fresh`.
 */
function against<T extends Item>(items: readonly T[], base: Keys | undefined): { list: number[]; fresh: T[]; renamed: Renamed[]; keys: Keys } {
  const places = new Map<number, number>();
  const fresh: T[] = [];
  const renamed: Renamed[] = [];
  const list = items.map((item, i) => {
    const h = contentHash(item);
    places.set(h, i);
    const at = base?.places.get(h);
    const was = at === undefined ? undefined : base!.items[at]!;
    if (was && (was === item || sameContent(was, item))) {
      if (was.id !== item.id) renamed.push([i, item.id]);
      return at!;
    }
    fresh.push(item);
    return -fresh.length;
  });
  return { list, fresh, renamed, keys: { places, items } };
}

const PART = Math.max(1, (workerData as Partial<CrossrefWorkerData> | undefined)?.partSize ?? 5_000);
/** What an item costs the host to read: its mentions or claims (and the differences' spans) are most of it. */
const weight = (item: WorkspaceEntity | ClaimCluster): number =>
  1 + ('mentions' in item ? item.mentions.length : item.claims.length + item.differences.reduce((n, d) => n + 1 + (d.spans?.length ?? 0), 0));

/** Resolves when the host acknowledges a part (or a newer request arrives). */
let acknowledged: (() => void) | null = null;

/**
 * Posts the new items of the result in parts, each after the host has read the one before (the host drains queued
 * messages in one go: parts posted at once would block it as long as one message), and returns the result's lists;
 * null when a newer request arrived meanwhile (the rest is not worth posting).
 */
async function publish(run: Run, ws: WorkspaceAnalysis): Promise<PostedWorkspace | null> {
  const base = posted.get(run.base);
  for (const r of posted.keys()) if (r < run.base) posted.delete(r); // the host holds a newer one: never a base again
  const entities = against(ws.entities, base?.entities);
  const clusters = against(ws.clusters, base?.clusters);
  const fresh: (WorkspaceEntity | ClaimCluster)[] = [...entities.fresh, ...clusters.fresh];
  for (let at = 0; at < fresh.length;) {
    let end = at, size = 0;
    while (end < fresh.length && (end === at || size + weight(fresh[end]!) <= PART)) size += weight(fresh[end++]!);
    const part = fresh.slice(at, end);
    const ack = new Promise<void>((resolve) => { acknowledged = resolve; });
    post({ type: 'items', request: run.request, entities: part.filter((x): x is WorkspaceEntity => 'mentions' in x), clusters: part.filter((x): x is ClaimCluster => !('mentions' in x)) });
    await ack;
    if (queue.length) return null;
    at = end;
  }
  posted.set(run.request, { entities: entities.keys, clusters: clusters.keys });
  return { base: base ? run.base : 0, entities: entities.list, clusters: clusters.list, renamed: { entities: entities.renamed, clusters: clusters.renamed } };
}

const queue: Run[] = [];
let draining = false;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Takes the requests in order; a request with a newer one behind it has its changes applied but is not computed. */
async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let run = queue.shift(); run; run = queue.shift()) {
      try {
        if (run.clear) index.setOptions({});
        if (run.aliases) index.setAliases(run.aliases);
        for (const c of run.changes) await apply(c);
        if (run.partial) continue;
        await turn(); // lets a newer request in
        if (queue.length) { post({ type: 'skipped', request: run.request }); continue; }
        const t0 = performance.now();
        const ws = index.workspace();
        const ms = performance.now() - t0;
        const failure = index.crossReferenceError;
        if (failure) { post({ type: 'failed', request: run.request, message: failure }); continue; }
        const workspace = await publish(run, ws);
        if (workspace) {
          post({ type: 'published', request: run.request, workspace, documents: index.size, ms, leftOut });
          leftOut = [];
        }
        else post({ type: 'skipped', request: run.request });
      } catch (e) {
        post({ type: 'failed', request: run.request, message: (e as Error).message });
      }
    }
  } finally {
    draining = false;
  }
}

parentPort?.on('message', (m: ToCrossrefWorker) => {
  if (m.type === 'connect') (m.port as MessagePort).on('message', receive);
  else if (m.type === 'ack') acknowledged?.();
  else {
    queue.push(m);
    acknowledged?.(); // a result being posted is not worth finishing
    void drain();
  }
});
