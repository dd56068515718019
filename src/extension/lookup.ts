import type { AnalyzedDocument, Claim, ClaimCluster, ClaimRef, Span, WorkspaceAnalysis, WorkspaceEntity } from '../core/index';

const inside = (s: Span | null | undefined, offset: number): s is Span => !!s && s.start <= offset && offset < s.end;

/** What sits at an offset of an article: the entity mention, attribution (by cue, source or content), hedge, claim. */
export interface FoundAt {
  readonly entity?: number;
  readonly attribution?: number;
  /** Which part of the attribution the offset is in. */
  readonly attributionPart?: 'cue' | 'source' | 'content';
  readonly hedge?: number;
  readonly claim?: Claim;
}

/** Finds what is at `offset`, the innermost span first: "Basiuk" in "Maj. Gen. Oded Basiuk" → that entity. */
export function findAt(doc: AnalyzedDocument, offset: number): FoundAt {
  const a = doc.analysis;
  const smallest = <T extends Span>(xs: readonly T[]): number | undefined => {
    let best: number | undefined;
    xs.forEach((x, i) => { if (inside(x, offset) && (best === undefined || x.end - x.start < xs[best]!.end - xs[best]!.start)) best = i; });
    return best;
  };
  let attribution: number | undefined, part: FoundAt['attributionPart'];
  for (const p of ['cue', 'source', 'content'] as const) {
    const i = a.attributions.findIndex((t) => inside(t[p], offset));
    if (i >= 0) { attribution = i; part = p; break; }
  }
  const claim = a.claims.find((c) => inside(c, offset));
  return { entity: smallest(a.entities), attribution, attributionPart: part, hedge: smallest(a.hedges), claim };
}

/** The workspace entity of a mention, e.g. mention 3 of seeds/000.txt → "Oded Basiuk" (e12). */
export function workspaceEntityOf(ws: WorkspaceAnalysis, docId: string, mention: number): WorkspaceEntity | undefined {
  const id = ws.entityOf.get(`${docId}#${mention}`);
  return id === undefined ? undefined : ws.entities.find((e) => e.id === id);
}

/** The cluster a claim belongs to, if another article reports it. */
export function clusterOfClaim(ws: WorkspaceAnalysis, docId: string, claimId: string): ClaimCluster | undefined {
  const id = ws.clusterOf.get(`${docId}#${claimId}`);
  return id === undefined ? undefined : ws.clusters.find((c) => c.id === id);
}

/** The claim an attribution introduces: the claim that names it, else the claim containing its content or cue. */
export function claimOfAttribution(doc: AnalyzedDocument, attribution: number): Claim | undefined {
  const a = doc.analysis;
  const t = a.attributions[attribution];
  return a.claims.find((c) => c.attribution === attribution)
    ?? (t ? a.claims.find((c) => inside(c, (t.content ?? t.cue).start)) : undefined);
}

/** The claims of a cluster other than `self`, resolved against the documents. */
export function otherClaims(docs: ReadonlyMap<string, AnalyzedDocument>, cluster: ClaimCluster, self?: ClaimRef): { doc: AnalyzedDocument; claim: Claim }[] {
  return cluster.claims.flatMap((ref) => {
    if (self && ref.doc === self.doc && ref.claim === self.claim) return [];
    const doc = docs.get(ref.doc);
    const claim = doc?.analysis.claims.find((c) => c.id === ref.claim);
    return doc && claim ? [{ doc, claim }] : [];
  });
}

/** Where an entity is mentioned, grouped by document: doc id → mention spans. */
export function mentionsByDocument(docs: ReadonlyMap<string, AnalyzedDocument>, entity: WorkspaceEntity): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const m of entity.mentions) {
    const span = docs.get(m.doc)?.analysis.entities[m.index];
    if (!span) continue;
    const list = out.get(m.doc) ?? [];
    list.push({ start: span.start, end: span.end });
    out.set(m.doc, list);
  }
  return out;
}

/** "000_36d3.txt" from a URI or path. */
export function fileName(id: string): string {
  const last = id.split(/[\\/]/).pop() ?? id;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
