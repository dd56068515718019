import type { MessagePort } from 'node:worker_threads';
import type { AliasFile, ClaimCluster, DocumentAnalysis, WorkspaceEntity } from '../core/index';

/**
 * Where an analysis the cross-reference worker is to use comes from: sent with the change itself (`inline`, an
 * article analysed on the host), or already posted to it by an indexing worker over their own channel (`relayed`:
 * the host names it by key and never clones it again).
 */
export type DocumentChange =
  | { readonly kind: 'inline'; readonly id: string; readonly text: string; readonly analysis: DocumentAnalysis }
  | { readonly kind: 'relayed'; readonly id: string; readonly key: string }
  | { readonly kind: 'delete'; readonly id: string };

/** How an indexing worker tells the host that it relayed an analysis: to which channel, under which key. */
export interface Relay {
  /** The channel's generation: a key of an older one (a cross-reference worker since replaced) was never delivered. */
  readonly channel: number;
  readonly key: string;
}

/** An analysis an indexing worker sends the cross-reference worker directly (over a MessageChannel). */
export interface RelayedAnalysis {
  readonly key: string;
  readonly id: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
}

/** What the cross-reference worker is started with. */
export interface CrossrefWorkerData {
  /** How much of a result an `items` message carries at most: items, counting each mention, claim and span. */
  readonly partSize: number;
}

/** Messages from the extension host to the cross-reference worker. */
export type ToCrossrefWorker =
  /** An indexing worker's channel: its analyses arrive on `port`. */
  | { readonly type: 'connect'; readonly port: MessagePort }
  /**
   * The changes since the previous request, in order (after forgetting every document when `clear`), then a
   * cross-reference of the result. A later request supersedes this one: its result is then not computed or not used.
   */
  /** The host has read an `items` message of `request` (the worker posts the next part then). */
  | { readonly type: 'ack'; readonly request: number }
  | {
    readonly type: 'run'; readonly request: number; readonly clear: boolean; readonly aliases?: AliasFile; readonly changes: readonly DocumentChange[];
    /** The request whose result the host holds (0: none): the result is posted as its differences from that one. */
    readonly base: number;
    /** Changes only, one batch of several (a new worker given every document): nothing is computed or posted. */
    readonly partial?: boolean;
  };

/**
 * The cross-reference as posted back: what the host reads (entities and clusters), as lists of numbers. An item
 * unchanged since the base result is its index `i >= 0` there; a new one is `-(k + 1)` for the k-th item of its kind
 * sent before in `items` messages (in parts, so that no single message blocks the host for long). After an edit the
 * host so deserialises only what changed. The lookup maps (`entityOf`, `clusterOf`), which repeat the lists, are
 * kept up to date on the host instead of being cloned.
 */
export interface PostedWorkspace {
  /** The request of the result the indexes refer to (0: none, every item is new). */
  readonly base: number;
  readonly entities: readonly number[];
  readonly clusters: readonly number[];
  /**
   * Items of the base result that are the same here under another id, as `[place in the list, id]`: numbered anew
   * because an earlier one came or went (an article deleted renumbers most entities), they are not sent again.
   */
  readonly renamed: { readonly entities: readonly Renamed[]; readonly clusters: readonly Renamed[] };
}

export type Renamed = readonly [place: number, id: string];

/** Messages from the cross-reference worker back to the host. */
export type FromCrossrefWorker =
  /** New items of a result, in order, ahead of its `published` message. */
  | { readonly type: 'items'; readonly request: number; readonly entities: readonly WorkspaceEntity[]; readonly clusters: readonly ClaimCluster[] }
  /** `leftOut`: documents whose analysis could not be taken since the last result, with why ("id (reason)"). */
  | { readonly type: 'published'; readonly request: number; readonly workspace: PostedWorkspace; readonly documents: number; readonly ms: number; readonly leftOut: readonly string[] }
  | { readonly type: 'failed'; readonly request: number; readonly message: string }
  | { readonly type: 'skipped'; readonly request: number };
