/**
 * The invariants every analysis must satisfy whatever its input, shared by the property tests
 * (properties.test.ts) and the pathological-input tests (adversarial.test.ts). Each check throws an
 * Error naming the broken invariant and the offending item, so a shrunk fast-check counterexample reads clearly.
 */
import { ENTITY_TYPES, type AnalyzedDocument, type DocumentAnalysis, type Span, type TextSpan, type WorkspaceAnalysis } from '../../src/core/types';

const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const SOURCE_KINDS = new Set(['named-person', 'named-organization', 'unnamed', 'other']);
const STANCES = new Set(['assert', 'confirm', 'deny', 'no-comment', 'other']);
const RELATIONS = new Set(['agree', 'discrepancy', 'contradiction']);
const DIFFERENCE_KINDS = new Set(['number', 'date', 'name', 'title', 'sourcing', 'contradiction', 'other']);

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? v.slice(0, 200) + '…' : v))}`);
}

/** A span is integral, in bounds, not reversed. */
export function checkSpan(text: string, s: Span, what: string): void {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) fail(`${what}: non-integer offsets`, s);
  if (s.start < 0 || s.end > text.length) fail(`${what}: out of bounds (length ${text.length})`, s);
  if (s.start > s.end) fail(`${what}: start > end`, s);
}

/** A span with text: also `text === input.slice(start, end)`. */
export function checkTextSpan(text: string, s: TextSpan, what: string): void {
  checkSpan(text, s, what);
  if (typeof s.text !== 'string' || s.text !== text.slice(s.start, s.end)) fail(`${what}: text differs from input.slice(start, end) = ${JSON.stringify(text.slice(s.start, s.end))}`, s);
}

/** Sorted by start; with `disjoint`, no two overlap; with `nonEmpty`, none is empty. */
function checkOrdered(text: string, spans: readonly TextSpan[], what: string, opts: { disjoint: boolean; nonEmpty: boolean }): void {
  let prev: TextSpan | null = null;
  spans.forEach((s, i) => {
    checkTextSpan(text, s, `${what}[${i}]`);
    if (opts.nonEmpty && s.start === s.end) fail(`${what}[${i}]: empty`, s);
    if (prev) {
      if (s.start < prev.start) fail(`${what}[${i}]: not sorted by start`, { prev, s });
      if (opts.disjoint && s.start < prev.end) fail(`${what}[${i}]: overlaps the previous one`, { prev, s });
    }
    prev = s;
  });
}

const isIndex = (i: unknown, length: number): boolean => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < length;

/** Every invariant of one document's analysis (types.ts and CONTRACT.md). */
export function checkAnalysis(text: string, a: DocumentAnalysis): void {
  if (typeof a.title !== 'string') fail('title is not a string', a.title);
  if (a.outlet !== null && typeof a.outlet !== 'string') fail('outlet is neither null nor a string', a.outlet);
  if (a.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(a.published)) fail('published is not ISO YYYY-MM-DD', a.published);

  // Tokens: sorted, disjoint, non-empty, never containing whitespace-only text.
  checkOrdered(text, a.tokens, 'tokens', { disjoint: true, nonEmpty: true });

  // Sentences: sorted, disjoint, non-empty; their token ranges tile the token list and match their offsets.
  checkOrdered(text, a.sentences, 'sentences', { disjoint: true, nonEmpty: true });
  let nextToken = 0;
  a.sentences.forEach((s, i) => {
    if (s.firstToken !== nextToken) fail(`sentences[${i}]: firstToken ${s.firstToken}, expected ${nextToken} (sentences must tile the tokens)`, s);
    if (!(s.endToken > s.firstToken && s.endToken <= a.tokens.length)) fail(`sentences[${i}]: bad token range`, s);
    if (a.tokens[s.firstToken]!.start !== s.start || a.tokens[s.endToken - 1]!.end !== s.end) fail(`sentences[${i}]: offsets do not match its tokens`, s);
    nextToken = s.endToken;
  });
  if (nextToken !== a.tokens.length) fail(`sentences cover ${nextToken} of ${a.tokens.length} tokens`, null);

  // Entities: sorted and non-overlapping (findEntities' contract), non-empty, typed.
  checkOrdered(text, a.entities, 'entities', { disjoint: true, nonEmpty: true });
  a.entities.forEach((e, i) => {
    if (!ENTITY_TYPE_SET.has(e.type)) fail(`entities[${i}]: unknown type`, e);
    if (e.value !== undefined && (typeof e.value !== 'string' || e.value === '')) fail(`entities[${i}]: value is not a non-empty string`, e);
  });

  // Attributions: ordered by cue; every part a true span; indexes valid.
  let prevCue = -1;
  a.attributions.forEach((t, i) => {
    checkTextSpan(text, t.cue, `attributions[${i}].cue`);
    if (t.cue.start === t.cue.end) fail(`attributions[${i}].cue: empty`, t.cue);
    if (t.cue.start < prevCue) fail(`attributions[${i}]: not ordered by cue`, t.cue);
    prevCue = t.cue.start;
    if (t.source) checkTextSpan(text, t.source, `attributions[${i}].source`);
    if (t.content) checkTextSpan(text, t.content, `attributions[${i}].content`);
    if (t.relayedTo) checkTextSpan(text, t.relayedTo, `attributions[${i}].relayedTo`);
    if (!SOURCE_KINDS.has(t.sourceKind)) fail(`attributions[${i}]: unknown sourceKind`, t.sourceKind);
    if (!STANCES.has(t.stance)) fail(`attributions[${i}]: unknown stance`, t.stance);
    if (typeof t.direct !== 'boolean') fail(`attributions[${i}]: direct is not a boolean`, t.direct);
    // "True when the content is a direct quotation": no content, no quotation.
    if (t.direct && !t.content) fail(`attributions[${i}]: direct without content`, t);
    if (t.sourceEntity !== null && !isIndex(t.sourceEntity, a.entities.length)) fail(`attributions[${i}]: sourceEntity is not an entity index`, t.sourceEntity);
  });

  // Hedges: sorted, non-overlapping, non-empty.
  checkOrdered(text, a.hedges, 'hedges', { disjoint: true, nonEmpty: true });
  a.hedges.forEach((h, i) => { if (typeof h.kind !== 'string' || !h.kind) fail(`hedges[${i}]: no kind`, h); });

  // Claims: sorted, non-empty, unique ids, valid indexes.
  checkOrdered(text, a.claims, 'claims', { disjoint: false, nonEmpty: true });
  const ids = new Set<string>();
  a.claims.forEach((c, i) => {
    if (typeof c.id !== 'string' || !c.id || ids.has(c.id)) fail(`claims[${i}]: missing or duplicate id`, c.id);
    ids.add(c.id);
    if (c.attribution !== null && !isIndex(c.attribution, a.attributions.length)) fail(`claims[${i}]: attribution is not an attribution index`, c.attribution);
    c.entities.forEach((k) => {
      if (!isIndex(k, a.entities.length)) fail(`claims[${i}]: entity index out of range`, k);
      // "the named entities inside the claim" (types.ts)
      const e = a.entities[k]!;
      if (!(e.start < c.end && e.end > c.start)) fail(`claims[${i}]: entity ${k} lies outside the claim`, { claim: c, entity: e });
    });
    const strings = (xs: readonly unknown[]): boolean => xs.every((x) => typeof x === 'string');
    if (!strings(c.numbers) || !strings(c.dates)) fail(`claims[${i}]: numbers/dates not strings`, { ...c, numbers: c.numbers.map(String), dates: c.dates.map(String) });
    if (typeof c.negated !== 'boolean') fail(`claims[${i}]: negated is not a boolean`, c.negated);
  });

  a.warnings.forEach((w, i) => {
    if (typeof w.message !== 'string' || !w.message) fail(`warnings[${i}]: no message`, w);
    if (w.span) checkSpan(text, w.span, `warnings[${i}].span`);
  });
}

/** Every invariant of a cross-reference: it only references documents, mentions and claims that exist. */
export function checkWorkspace(docs: readonly AnalyzedDocument[], ws: WorkspaceAnalysis): void {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const entityIds = new Set<string>();
  ws.entities.forEach((e, i) => {
    if (!e.id || entityIds.has(e.id)) fail(`workspace entities[${i}]: missing or duplicate id`, e.id);
    entityIds.add(e.id);
    if (!ENTITY_TYPE_SET.has(e.type)) fail(`workspace entities[${i}]: unknown type`, e.type);
    for (const m of e.mentions) {
      const d = byId.get(m.doc);
      if (!d) fail(`workspace entities[${i}]: mention of an unknown document`, m);
      if (!isIndex(m.index, d.analysis.entities.length)) fail(`workspace entities[${i}]: mention index out of range`, m);
      if (ws.entityOf.get(`${m.doc}#${m.index}`) !== e.id) fail(`workspace entities[${i}]: entityOf disagrees for a mention`, m);
    }
  });
  for (const [key, id] of ws.entityOf) {
    const cut = key.lastIndexOf('#');
    const d = byId.get(key.slice(0, cut));
    if (!d || !isIndex(Number(key.slice(cut + 1)), d.analysis.entities.length)) fail('entityOf: key names no mention', key);
    if (!entityIds.has(id)) fail('entityOf: value names no workspace entity', { key, id });
  }
  const claimExists = (ref: { doc: string; claim: string }): boolean => !!byId.get(ref.doc)?.analysis.claims.some((c) => c.id === ref.claim);
  const clusterIds = new Set<string>();
  ws.clusters.forEach((c, i) => {
    if (!c.id || clusterIds.has(c.id)) fail(`clusters[${i}]: missing or duplicate id`, c.id);
    clusterIds.add(c.id);
    if (!RELATIONS.has(c.relation)) fail(`clusters[${i}]: unknown relation`, c.relation);
    for (const ref of c.claims) {
      if (!claimExists(ref)) fail(`clusters[${i}]: references a claim that does not exist`, ref);
      if (ws.clusterOf.get(`${ref.doc}#${ref.claim}`) !== c.id) fail(`clusters[${i}]: clusterOf disagrees`, ref);
    }
    if (new Set(c.claims.map((r) => r.doc)).size < 2) fail(`clusters[${i}]: claims from fewer than two documents`, c.claims);
    c.differences.forEach((d, j) => {
      if (!DIFFERENCE_KINDS.has(d.kind)) fail(`clusters[${i}].differences[${j}]: unknown kind`, d.kind);
      for (const ref of d.claims) if (!claimExists(ref)) fail(`clusters[${i}].differences[${j}]: references a claim that does not exist`, ref);
      for (const s of d.spans ?? []) {
        const doc = byId.get(s.doc);
        if (!doc) fail(`clusters[${i}].differences[${j}]: span in an unknown document`, s);
        checkTextSpan(doc.text, s.span, `clusters[${i}].differences[${j}].span`);
      }
    });
  });
  for (const [key, id] of ws.clusterOf) {
    const cut = key.lastIndexOf('#');
    if (!claimExists({ doc: key.slice(0, cut), claim: key.slice(cut + 1) })) fail('clusterOf: key names no claim', key);
    if (!clusterIds.has(id)) fail('clusterOf: value names no cluster', { key, id });
  }
}
