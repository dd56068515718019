import type { AliasFile, AnalysisOptions, AnalyzedDocument, DocumentAnalysis, WorkspaceAnalysis } from '../types';
import { contentHash } from './hash';

/** The two pure steps the index composes; supplied by `createCrosscheck`. */
export interface IndexEngine {
  analyze(text: string, options: AnalysisOptions): DocumentAnalysis;
  crossReference(docs: readonly AnalyzedDocument[], aliases: AliasFile): WorkspaceAnalysis;
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
  private cached: WorkspaceAnalysis | null = null;
  private aliases: AliasFile = { same: [], different: [] };

  constructor(private readonly engine: IndexEngine, private options: AnalysisOptions = {}) {}

  /** Adds or updates a document; returns its analysis (from the cache when the text is unchanged). */
  set(id: string, text: string): AnalyzedDocument {
    const hash = contentHash(text);
    const old = this.entries.get(id);
    if (old && old.hash === hash) return old.doc;
    const doc: AnalyzedDocument = { id, text, analysis: this.engine.analyze(text, this.options) };
    this.entries.set(id, { hash, doc });
    this.cached = null;
    return doc;
  }

  /** Forgets a document (deleted or no longer an article). */
  delete(id: string): boolean {
    const had = this.entries.delete(id);
    if (had) this.cached = null;
    return had;
  }

  get(id: string): AnalyzedDocument | undefined {
    return this.entries.get(id)?.doc;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  documents(): AnalyzedDocument[] {
    return [...this.entries.values()].map((e) => e.doc);
  }

  get size(): number {
    return this.entries.size;
  }

  /** New settings invalidate every analysis. */
  setOptions(options: AnalysisOptions): void {
    this.options = options;
    const texts = [...this.entries].map(([id, e]) => [id, e.doc.text] as const);
    this.entries.clear();
    this.cached = null;
    for (const [id, text] of texts) this.set(id, text);
  }

  setAliases(aliases: AliasFile): void {
    this.aliases = aliases;
    this.cached = null;
  }

  /** The cross-reference of every document, recomputed only after a change. */
  workspace(): WorkspaceAnalysis {
    this.cached ??= this.engine.crossReference(this.documents(), this.aliases);
    return this.cached;
  }
}
