import type { DocumentAnalysis, EntityType, Span } from '../core/index';
import { DECORATION_KINDS, type DecorationKind } from './contributions';

/** Which highlight an entity type gets: "Oded Basiuk" person, "Azerbaijan" place, "Israeli" group. */
export const KIND_OF_ENTITY: Record<EntityType, DecorationKind> = {
  PERSON: 'person',
  ORG: 'organization',
  GPE: 'place', LOC: 'place', FAC: 'place',
  NORP: 'group', EVENT: 'group', MISC: 'group',
  DATE: 'date', TIME: 'date',
  NUMBER: 'number', MONEY: 'number', PERCENT: 'number', QUANTITY: 'number',
};

/**
 * The spans to highlight per kind, in document order, at most `cap` in all, e.g. "a senior Israeli source" →
 * unnamedSource, "told" → cue, "denied" → denial, "reportedly" → hedge. Over the cap, the spans nearest `focus` (what
 * the editor shows) win, else the earliest. Conditional hedges ("if", "whether") only when `conditionals`.
 */
export function highlightSpans(
  a: DocumentAnalysis, enabled: Readonly<Record<DecorationKind, boolean>>, cap = Infinity, focus?: Span, conditionals = false,
): Record<DecorationKind, Span[]> {
  const all: { kind: DecorationKind; span: Span }[] = [];
  const add = (kind: DecorationKind, span: Span | null | undefined): void => {
    if (span && enabled[kind] && span.end > span.start) all.push({ kind, span: { start: span.start, end: span.end } });
  };
  for (const e of a.entities) add(KIND_OF_ENTITY[e.type] ?? 'group', e);
  for (const t of a.attributions) {
    add(t.sourceKind === 'unnamed' ? 'unnamedSource' : 'namedSource', t.source);
    add(t.stance === 'deny' ? 'denial' : 'cue', t.cue);
  }
  for (const h of a.hedges) if (conditionals || h.kind !== 'conditional') add('hedge', h);
  all.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const out = Object.fromEntries(DECORATION_KINDS.map((k) => [k, [] as Span[]])) as Record<DecorationKind, Span[]>;
  const n = Math.max(0, cap);
  let from = 0;
  if (all.length > n && focus) {
    // a window of `n` spans centred on the focus
    let first = 0;
    while (first < all.length && all[first]!.span.end <= focus.start) first++;
    let last = first;
    while (last < all.length && all[last]!.span.start < focus.end) last++;
    from = Math.max(0, Math.min(all.length - n, Math.floor((first + last - n) / 2)));
  }
  for (const { kind, span } of all.slice(from, from + n)) out[kind].push(span);
  return out;
}
