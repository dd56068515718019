/**
 * The Crosscheck core: pure TypeScript, no vscode, no Node built-ins. A factory in the manner of
 * vscode-markdown-languageservice: the host supplies how to read the model, the core does the rest.
 */
import type { AliasFile, AnalysisOptions, AnalyzedDocument, DocumentAnalysis, MatchResult, WorkspaceAnalysis } from './types';
import { analyzeText } from './analyze';
import { EMPTY_TAGGER, loadTagger, type EntityTagger } from './entities/tagger';
import { crossReference, type CrossReferenceCache } from './crossref/crossReference';
import { matchSentences } from './crossref/match';
import { WorkspaceIndex } from './index/workspaceIndex';

export type * from './types';
export { ENTITY_TYPES } from './types';
export { WorkspaceIndex } from './index/workspaceIndex';
export { contentHash } from './index/hash';
export { tokenize } from './text/tokenize';
export { splitSentences } from './text/sentences';
export { readDateline } from './text/dateline';
export { toContractJson, type ContractJson } from './report/contractJson';
export { renderMarkdownReport, renderHtmlReport } from './report/render';

/** What the host (the extension or the CLI) provides. */
export interface CrosscheckHost {
  /** Returns the text of the named-entity model (models/ner.json); called once, on first use. */
  readNerModel(): string;
  /** Told about problems that do not stop the analysis (a model that could not be read). */
  warn?(message: string): void;
}

/** The analysis engine, e.g. `createCrosscheck(host).analyze("a senior Israeli source told CNN …")`. */
export interface Crosscheck {
  analyze(text: string, options?: AnalysisOptions): DocumentAnalysis;
  crossReference(docs: readonly AnalyzedDocument[], aliases?: AliasFile): WorkspaceAnalysis;
  match(a: string, b: string): MatchResult;
  createIndex(options?: AnalysisOptions): WorkspaceIndex;
}

/** Builds the engine; the model is read lazily, once, on the first analysis. */
export function createCrosscheck(host: CrosscheckHost): Crosscheck {
  let tagger: EntityTagger | null = null;
  const getTagger = (): EntityTagger => {
    if (tagger) return tagger;
    try {
      tagger = loadTagger(host.readNerModel());
    } catch (e) {
      host.warn?.(`The entity model could not be loaded (${(e as Error).message}); only rule-based entities are found.`);
      tagger = EMPTY_TAGGER;
    }
    return tagger;
  };
  const engine: Crosscheck = {
    analyze: (text, options = {}) => analyzeText(text, getTagger(), options),
    crossReference: (docs, aliases = { same: [], different: [] }, cache?: CrossReferenceCache) => crossReference(docs, aliases, cache),
    match: (a, b) => matchSentences(a, b),
    createIndex: (options = {}) => new WorkspaceIndex(engine, options),
  };
  return engine;
}
