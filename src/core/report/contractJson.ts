import type { AnalyzedDocument, ClaimCluster, ClaimRef, DifferenceKind, EntityType, SourceKind, Stance, WorkspaceAnalysis } from '../types';

interface JsonSpan { start: number; end: number; text: string }

/** The `analyze --format json` object of CONTRACT.md. */
export interface ContractJson {
  version: 1;
  documents: {
    path: string; title: string; outlet: string | null; published: string | null;
    entities: (JsonSpan & { type: EntityType; entityId: string | null })[];
    attributions: {
      cue: JsonSpan; source: JsonSpan | null; content: JsonSpan | null; sourceKind: SourceKind; stance: Stance;
      direct: boolean; entityId: string | null;
    }[];
    hedges: (JsonSpan & { kind: string })[];
    claims: (JsonSpan & { id: string; attribution: number | null; entityIds: string[]; numbers: string[]; dates: string[] })[];
    warnings: string[];
  }[];
  entities: { id: string; name: string; type: EntityType; variants: string[]; mentions: { path: string; start: number; end: number }[] }[];
  claimClusters: { id: string; claims: string[]; relation: ClaimCluster['relation']; differences: { kind: DifferenceKind; claims: string[]; detail: string }[] }[];
}

const span = (s: JsonSpan): JsonSpan => ({ start: s.start, end: s.end, text: s.text });

/**
 * Serialises analyses and their cross-reference as CONTRACT.md says; claim ids become unique across
 * the output ("d0c4"), e.g. `toContractJson(docs, workspace, (d) => d.id)`.
 */
export function toContractJson(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis, pathOf: (d: AnalyzedDocument) => string = (d) => d.id): ContractJson {
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const claimId = (ref: ClaimRef): string => `d${docIndex.get(ref.doc) ?? 'x'}${ref.claim}`;
  const entityId = (doc: string, index: number | null): string | null => (index === null ? null : ws.entityOf.get(`${doc}#${index}`) ?? null);
  return {
    version: 1,
    documents: docs.map((d) => {
      const a = d.analysis;
      return {
        path: pathOf(d),
        title: a.title,
        outlet: a.outlet,
        published: a.published,
        entities: a.entities.map((e, i) => ({ ...span(e), type: e.type, entityId: entityId(d.id, i) })),
        attributions: a.attributions.map((t) => ({
          cue: span(t.cue), source: t.source && span(t.source), content: t.content && span(t.content),
          sourceKind: t.sourceKind, stance: t.stance, direct: t.direct, entityId: entityId(d.id, t.sourceEntity),
        })),
        hedges: a.hedges.map((h) => ({ ...span(h), kind: h.kind })),
        claims: a.claims.map((c) => ({
          ...span(c), id: claimId({ doc: d.id, claim: c.id }), attribution: c.attribution,
          entityIds: [...new Set(c.entities.map((i) => entityId(d.id, i)).filter((x): x is string => x !== null))],
          numbers: [...c.numbers], dates: [...c.dates],
        })),
        warnings: a.warnings.map((w) => w.message),
      };
    }),
    entities: ws.entities.map((e) => ({
      id: e.id, name: e.name, type: e.type, variants: [...e.variants],
      mentions: e.mentions.flatMap((m) => {
        const d = docs[docIndex.get(m.doc) ?? -1];
        const mention = d?.analysis.entities[m.index];
        return d && mention ? [{ path: pathOf(d), start: mention.start, end: mention.end }] : [];
      }),
    })),
    claimClusters: ws.clusters.map((c) => ({
      id: c.id, claims: c.claims.map(claimId), relation: c.relation,
      differences: c.differences.map((x) => ({ kind: x.kind, claims: x.claims.map(claimId), detail: x.detail })),
    })),
  };
}
