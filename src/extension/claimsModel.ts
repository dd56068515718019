import type { AnalyzedDocument, Claim, ClaimCluster, WorkspaceAnalysis } from '../core/index';
import { describeSourcing } from '../core/report/profile';
import type { ClaimEntry, ClaimsFilter, ClaimsState, CompareState, Mark } from '../webview/protocol';
import { fileName } from './lookup';

const STOPWORDS = new Set(('a an the and or but of to in on at by for with from as is are was were be been has have had that this it its ' +
  'his her their they he she we our which who whom what when where while than then there also not no into over under after before ' +
  'about said says told according').split(' '));

const wordsOf = (text: string): { word: string; start: number; end: number }[] =>
  [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));

/**
 * The words of a claim that the other versions lack, when the core gave no difference spans: "six" against "four".
 * Function words are ignored, so "held direct talks" against "held a direct meeting" marks only "talks".
 */
export function differingWords(text: string, others: readonly string[]): Mark[] {
  const seen = new Set(others.flatMap((o) => wordsOf(o).map((w) => w.word)));
  return wordsOf(text).filter((w) => !STOPWORDS.has(w.word) && !seen.has(w.word)).map(({ start, end }) => ({ start, end }));
}

function entry(doc: AnalyzedDocument, claim: Claim, marks: readonly Mark[]): ClaimEntry {
  const a = doc.analysis;
  const att = claim.attribution === null ? undefined : a.attributions[claim.attribution];
  return {
    doc: doc.id,
    file: fileName(doc.id),
    outlet: a.outlet,
    claimId: claim.id,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    sourcing: describeSourcing(doc, claim.attribution),
    sourceKind: att ? att.sourceKind : 'unattributed',
    hedged: a.hedges.some((h) => h.start >= claim.start && h.end <= claim.end),
    marks,
  };
}

/**
 * Whether the published cross-reference was made from a document's current analysis: a document edited since is read
 * by claim numbers that may now name other claims, so its claims are left out until the next result.
 */
export type Covers = (doc: string) => boolean;
const ALL: Covers = () => true;

/** Each claim of a cluster with its differing words marked (the core's spans when it gives them). */
export function clusterEntries(docs: ReadonlyMap<string, AnalyzedDocument>, cluster: ClaimCluster, covers: Covers = ALL): ClaimEntry[] {
  const resolved = cluster.claims.flatMap((ref) => {
    if (!covers(ref.doc)) return [];
    const doc = docs.get(ref.doc);
    const claim = doc?.analysis.claims.find((c) => c.id === ref.claim);
    return doc && claim ? [{ doc, claim }] : [];
  });
  const coreSpans = cluster.differences.flatMap((d) => d.spans ?? []);
  return resolved.map(({ doc, claim }) => {
    let marks: Mark[];
    if (coreSpans.length) {
      marks = coreSpans
        .filter((s) => s.doc === doc.id && s.span.start >= claim.start && s.span.end <= claim.end)
        .map((s) => ({ start: s.span.start - claim.start, end: s.span.end - claim.start }));
    } else if (cluster.relation === 'agree') marks = [];
    else marks = differingWords(claim.text, resolved.filter((r) => r.claim !== claim).map((r) => r.claim.text));
    return entry(doc, claim, marks.sort((x, y) => x.start - y.start));
  });
}

const MAX_SINGLES = 400;

/**
 * The Claims view's snapshot: clusters (contradictions first), then single-source claims, the active article first.
 * The claims of articles `covers` says were edited since the cross-reference are left out (and counted).
 */
export function buildClaimsState(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis, filter: ClaimsFilter, activeDoc: string | null, covers: Covers = ALL): ClaimsState {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rank = { contradiction: 0, discrepancy: 1, agree: 2 } as const;
  const clusters = [...ws.clusters]
    .sort((a, b) => rank[a.relation] - rank[b.relation])
    .map((c) => ({ id: c.id, relation: c.relation, claims: clusterEntries(byId, c, covers), differences: c.differences.map((d) => ({ kind: d.kind, detail: d.detail })) }))
    .filter((c) => c.claims.length > 0);
  const ordered = activeDoc ? [...docs].sort((a, b) => Number(b.id === activeDoc) - Number(a.id === activeDoc)) : docs;
  const covered = ordered.filter((d) => covers(d.id));
  const allSingles = covered.flatMap((d) => d.analysis.claims.filter((c) => !ws.clusterOf.has(`${d.id}#${c.id}`)).map((c) => ({ d, c })));
  const waiting = docs.length - covered.length;
  return {
    articles: docs.length,
    clusters,
    singles: allSingles.slice(0, MAX_SINGLES).map(({ d, c }) => entry(d, c, [])),
    singlesTotal: allSingles.length,
    filter,
    activeDoc,
    ...(waiting ? { waiting } : {}),
  };
}

/** The comparison of two or more articles: one row per claim they share, then what each says alone. */
export function buildCompareState(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis, covers: Covers = ALL): CompareState {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const column = new Map(docs.map((d, i) => [d.id, i]));
  const shared = new Set<string>();
  const rows = ws.clusters
    .filter((c) => new Set(c.claims.map((r) => r.doc).filter((d) => column.has(d))).size >= 2)
    .map((c) => {
      const cells: ClaimEntry[][] = docs.map(() => []);
      for (const e of clusterEntries(byId, c, covers)) {
        const i = column.get(e.doc);
        if (i === undefined) continue;
        cells[i]!.push(e);
        shared.add(`${e.doc}#${e.claimId}`);
      }
      const first = cells.find((x) => x.length)?.[0];
      return { order: first ? [column.get(first.doc)!, first.start] : [0, 0], row: { cluster: { id: c.id, relation: c.relation, differences: c.differences.map((d) => ({ kind: d.kind, detail: d.detail })) }, cells } };
    })
    .sort((a, b) => a.order[0]! - b.order[0]! || a.order[1]! - b.order[1]!)
    .map((r) => r.row);
  return {
    articles: docs.map((d) => ({ doc: d.id, file: fileName(d.id), outlet: d.analysis.outlet, published: d.analysis.published, title: d.analysis.title, ...(covers(d.id) ? {} : { waiting: true }) })),
    rows,
    only: docs.map((d) => (covers(d.id) ? d.analysis.claims.filter((c) => !shared.has(`${d.id}#${c.id}`)).map((c) => entry(d, c, [])) : [])),
  };
}
