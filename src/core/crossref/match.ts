import type { AnalyzedDocument, Claim, MatchResult } from '../types';
import { tokenize } from '../text/tokenize';
import { extractClaims } from '../claims/extractClaims';
import { compareClaims, isWithholding } from './align';

/** One sentence as a document whose claims are the sentence itself and, when it splits, its clauses. */
function asDocument(id: string, text: string): { doc: AnalyzedDocument; whole: Claim; clauses: Claim[] } {
  const tokens = tokenize(text);
  const sentence = { start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0, text, firstToken: 0, endToken: tokens.length };
  const sentences = tokens.length ? [{ ...sentence, text: text.slice(sentence.start, sentence.end) }] : [];
  const parts = extractClaims({ text, tokens, sentences, published: null }, [], [], []);
  const whole: Claim = {
    id: 'c0', start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end), attribution: null, entities: [],
    numbers: [...new Set(parts.flatMap((p) => p.numbers))], dates: [...new Set(parts.flatMap((p) => p.dates))], negated: parts.some((p) => p.negated),
  };
  const clauses = parts.length > 1 ? parts.map((p, i) => ({ ...p, id: `c${i + 1}` })) : [];
  const claims = [whole, ...clauses];
  const doc: AnalyzedDocument = {
    id, text,
    analysis: { title: '', outlet: null, published: null, tokens, sentences, entities: [], attributions: [], hedges: [], claims, warnings: [] },
  };
  return { doc, whole, clauses };
}

/**
 * Decides whether two sentences report the same claim, with the comparison the workspace alignment uses (which works
 * on clauses, so when a refusal to comment in one sentence rules the pair out, their clauses are compared as the
 * workspace would):
 * "Israel and Syria held direct talks" ~ "Israel and Syria held a direct meeting" -> same, agree.
 */
export function matchSentences(a: string, b: string): MatchResult {
  const x = asDocument('a', a), y = asDocument('b', b);
  let best = compareClaims({ doc: x.doc, claim: x.whole }, { doc: y.doc, claim: y.whole });
  // Clauses are compared only when a rule, not the model, ruled the sentences out ("While X has not commented, Y said …").
  const silentA = isWithholding({ doc: x.doc, claim: x.whole }), silentB = isWithholding({ doc: y.doc, claim: y.whole });
  if (best.score > 0 || silentA === silentB) return { same: best.same, score: best.score, relation: best.relation };
  for (const ca of [x.whole, ...x.clauses]) for (const cb of [y.whole, ...y.clauses]) {
    if (ca === x.whole && cb === y.whole) continue;
    const r = compareClaims({ doc: x.doc, claim: ca }, { doc: y.doc, claim: cb });
    if (r.same && (!best.same || r.score > best.score)) best = r;
  }
  return { same: best.same, score: best.score, relation: best.relation };
}
