import type { AnalyzedDocument, ClaimRef, WorkspaceAnalysis } from '../types';

/** How an article sources its claims: "3 named, 4 unnamed, 5 unattributed; 6 found elsewhere". */
export interface SourcingProfile {
  readonly claims: number;
  readonly named: number;
  readonly unnamed: number;
  readonly unattributed: number;
  /** Claims that another article in the workspace also reports. */
  readonly corroborated: number;
  /** Share of attributed claims that rest on unnamed sources, 0–1. */
  readonly unnamedShare: number;
}

/** Counts the sourcing of one document's claims, e.g. for the Sources view and the status bar. */
export function sourcingProfile(doc: AnalyzedDocument, ws: WorkspaceAnalysis): SourcingProfile {
  let named = 0, unnamed = 0, unattributed = 0, corroborated = 0;
  for (const c of doc.analysis.claims) {
    const att = c.attribution === null ? undefined : doc.analysis.attributions[c.attribution];
    if (!att) unattributed++;
    else if (att.sourceKind === 'unnamed') unnamed++;
    else named++;
    if (ws.clusterOf.has(`${doc.id}#${c.id}`)) corroborated++;
  }
  const attributed = named + unnamed;
  return { claims: doc.analysis.claims.length, named, unnamed, unattributed, corroborated, unnamedShare: attributed ? unnamed / attributed : 0 };
}

/** The claim a reference points to, with its document. */
export function resolveClaim(docs: ReadonlyMap<string, AnalyzedDocument>, ref: ClaimRef) {
  const doc = docs.get(ref.doc);
  const claim = doc?.analysis.claims.find((c) => c.id === ref.claim);
  return doc && claim ? { doc, claim } : null;
}

/** A short description of who a claim rests on: "a senior Israeli source (unnamed)", "unattributed". */
export function describeSourcing(doc: AnalyzedDocument, attribution: number | null): string {
  const att = attribution === null ? undefined : doc.analysis.attributions[attribution];
  if (!att) return 'unattributed';
  const who = att.source?.text ?? 'unstated source';
  return `${who} (${att.sourceKind.replace('-', ' ')}, ${att.stance})`;
}
