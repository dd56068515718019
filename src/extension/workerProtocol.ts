import type { MessagePort } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/index';
import type { PackedAnalysis } from '../core/index/compactTokens';
import type { Relay } from './crossrefProtocol';

/** One article for the worker: a file it reads (its id, a URI string, and its path on disk), or an editor's text. */
export type WorkerFile =
  | { readonly id: string; readonly path: string }
  | { readonly id: string; readonly text: string };

/** What the worker is started with: the NER model, and where analyses are cached between sessions (if anywhere). */
export interface WorkerData {
  readonly modelPath: string;
  readonly cacheDir?: string;
}

/** Messages from the extension host to the indexing worker. */
export type ToWorker =
  | { readonly type: 'index'; readonly job: number; readonly files: readonly WorkerFile[]; readonly options: AnalysisOptions; readonly maxBytes: number }
  | { readonly type: 'cancel'; readonly job: number }
  /** Post each analysis on `port` too (to the cross-reference worker), as `channel`'s. */
  | { readonly type: 'relay'; readonly port: MessagePort; readonly channel: number };

/**
 * Messages from the indexing worker back to the extension host. An analysis comes packed (`unpackAnalysis` reads it):
 * the host keeps it so for every article not open in an editor, and a few arrays cost it less to receive than objects.
 */
export type FromWorker =
  | { readonly type: 'analyzed'; readonly job: number; readonly id: string; readonly text: string; readonly packed: PackedAnalysis; readonly cached?: boolean; readonly relay?: Relay }
  | { readonly type: 'skipped'; readonly job: number; readonly id: string; readonly reason: string }
  | { readonly type: 'progress'; readonly job: number; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly job: number; readonly cancelled: boolean }
  | { readonly type: 'warning'; readonly message: string };
