import type { AliasFile, AnalysisOptions, AnalyzedDocument, DocumentAnalysis, WorkspaceAnalysis } from '../types';
import { contentHash } from './hash';
import { compactAnalysis } from './compactTokens';
import { CrossReferenceCache } from '../crossref/crossReference';

/** The two pure steps the index composes; supplied by `createCrosscheck`. */
export interface IndexEngine {
  analyze(text: string, options: AnalysisOptions): DocumentAnalysis;
  /** With a cache, the same result as without, computed again only for what changed since the last call. */
  crossReference(docs: readonly AnalyzedDocument[], aliases: AliasFile, cache?: CrossReferenceCache): WorkspaceAnalysis;
}

interface Entry {
  readonly hash: string;
  readonly doc: AnalyzedDocument;
}

/**
 * Per-document analyses keyed by content hash, and the workspace cross-reference built from them lazily:
 * `index.set("a.txt", text)` re-analyses only when the text changed; `index.workspace()` re-links only after a change.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /**
   * The documents in the order of `entries`, and each one's place, kept up to date as documents change (a large
   * workspace's list is not gathered again from every entry after each edit); null until asked for, and after a deletion.
   */
  private list: { readonly docs: AnalyzedDocument[]; readonly places: Map<string, number> } | null = null;
  private cached: WorkspaceAnalysis | null = null;
  private aliases: AliasFile = { same: [], different: [] };
  private failure: string | null = null;
  /** Per-document entity groups, prepared claims and scored pairs kept between cross-references. */
  private readonly xref = new CrossReferenceCache();

  constructor(private readonly engine: IndexEngine, private options: AnalysisOptions = {}) {}

  /** Adds or updates a document; returns its analysis (from the cache when the text is unchanged). */
  set(id: string, text: string): AnalyzedDocument {
    const hash = contentHash(text);
    const old = this.entries.get(id);
    if (old && old.hash === hash) return old.doc;
    return this.store(id, text, hash, analyzeSafely(this.engine, text, this.options), false);
  }

  /** Adds a document analysed elsewhere (the extension's indexing worker) under the current options. */
  setAnalyzed(id: string, text: string, analysis: DocumentAnalysis): AnalyzedDocument {
    return this.store(id, text, contentHash(text), analysis, true);
  }

  private store(id: string, text: string, hash: string, analysis: DocumentAnalysis, cloned: boolean): AnalyzedDocument {
    // Tokens are most of an analysis's memory and the cross-reference reads few of them: they are kept compactly.
    const doc: AnalyzedDocument = { id, text, analysis: compactAnalysis(text, analysis, cloned) };
    this.entries.set(id, { hash, doc });
    if (this.list) {
      // A document set again keeps its place among the entries; a new one comes last.
      const at = this.list.places.get(id);
      if (at !== undefined) this.list.docs[at] = doc;
      else { this.list.places.set(id, this.list.docs.length); this.list.docs.push(doc); }
    }
    this.cached = null;
    return doc;
  }

  /** Forgets a document (deleted or no longer an article). */
  delete(id: string): boolean {
    const had = this.entries.delete(id);
    if (had) { this.cached = null; this.list = null; }
    return had;
  }

  get(id: string): AnalyzedDocument | undefined {
    return this.entries.get(id)?.doc;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  documents(): AnalyzedDocument[] {
    return this.documentList().slice();
  }

  private documentList(): AnalyzedDocument[] {
    if (!this.list) {
      const docs = [...this.entries.values()].map((e) => e.doc);
      this.list = { docs, places: new Map(docs.map((d, i) => [d.id, i])) };
    }
    return this.list.docs;
  }

  get size(): number {
    return this.entries.size;
  }

  /** New settings make every analysis stale: forgets them all and returns their ids, for the caller to re-add. */
  setOptions(options: AnalysisOptions): string[] {
    this.options = options;
    const ids = [...this.entries.keys()];
    this.entries.clear();
    this.list = null;
    this.cached = null;
    return ids;
  }

  setAliases(aliases: AliasFile): void {
    this.aliases = aliases;
    this.cached = null;
  }

  /**
   * The cross-reference of every document, recomputed only after a change. A failure yields an empty
   * cross-reference (kept until the next change) and `crossReferenceError` says why.
   */
  workspace(): WorkspaceAnalysis {
    if (!this.cached) {
      try {
        this.cached = this.engine.crossReference(this.documents(), this.aliases, this.xref);
        this.failure = null;
      } catch (e) {
        this.failure = (e as Error).message;
        this.cached = { entities: [], entityOf: new Map(), clusters: [], clusterOf: new Map() };
      }
    }
    return this.cached;
  }

  /** Why the last cross-reference failed, or null. */
  get crossReferenceError(): string | null {
    return this.failure;
  }
}

/** Analyses text, turning an unexpected failure into an empty analysis that says why, never a crash. */
function analyzeSafely(engine: IndexEngine, text: string, options: AnalysisOptions): DocumentAnalysis {
  try {
    return engine.analyze(text, options);
  } catch (e) {
    return {
      title: '', outlet: null, published: null, tokens: [], sentences: [], entities: [], attributions: [], hedges: [], claims: [],
      warnings: [{ message: `analysis failed: ${(e as Error).message}` }],
    };
  }
}
