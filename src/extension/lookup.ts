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

/** A mention of a workspace entity, read in its document's analysis. */
export interface EntityMentionAt {
  readonly doc: AnalyzedDocument;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Where an entity is mentioned, in the order of its mentions. A published cross-reference numbers the mentions of the
 * analyses it was made from: a document edited since (`covers` false for it) is left out until the next result, rather
 * than its new analysis read by the old numbers (another name, or the same one moved, where a name was added above).
 */
export function entityMentions(docs: ReadonlyMap<string, AnalyzedDocument>, entity: WorkspaceEntity, covers: (id: string) => boolean = () => true): EntityMentionAt[] {
  const out: EntityMentionAt[] = [];
  const covered = new Map<string, boolean>();
  for (const m of entity.mentions) {
    let ok = covered.get(m.doc);
    if (ok === undefined) covered.set(m.doc, (ok = covers(m.doc)));
    const doc = ok ? docs.get(m.doc) : undefined;
    const e = doc?.analysis.entities[m.index];
    if (doc && e) out.push({ doc, start: e.start, end: e.end, text: e.text });
  }
  return out;
}

/** Where an entity is mentioned, grouped by document: doc id → mention spans (see `entityMentions`). */
export function mentionsByDocument(docs: ReadonlyMap<string, AnalyzedDocument>, entity: WorkspaceEntity, covers?: (id: string) => boolean): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const m of entityMentions(docs, entity, covers)) {
    const list = out.get(m.doc.id) ?? [];
    list.push({ start: m.start, end: m.end });
    out.set(m.doc.id, list);
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
