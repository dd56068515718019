import type { AnalyzedDocument, Claim, MatchResult } from '../types';
import { tokenize } from '../text/tokenize';
import { extractClaims } from '../claims/extractClaims';
import { compareClaims } from './align';

/** One sentence as a one-claim document, so that `match` runs exactly the comparison the workspace runs. */
function asDocument(id: string, text: string): { doc: AnalyzedDocument; claim: Claim } {
  const tokens = tokenize(text);
  const sentence = { start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0, text, firstToken: 0, endToken: tokens.length };
  const sentences = tokens.length ? [{ ...sentence, text: text.slice(sentence.start, sentence.end) }] : [];
  const parts = extractClaims({ text, tokens, sentences, published: null }, [], [], []);
  // The whole sentence is the claim; its clauses only contribute their numbers, dates and negation.
  const claim: Claim = {
    id: 'c0', start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end), attribution: null, entities: [],
    numbers: [...new Set(parts.flatMap((p) => p.numbers))], dates: [...new Set(parts.flatMap((p) => p.dates))], negated: parts.some((p) => p.negated),
  };
  const doc: AnalyzedDocument = {
    id, text,
    analysis: { title: '', outlet: null, published: null, tokens, sentences, entities: [], attributions: [], hedges: [], claims: [claim], warnings: [] },
  };
  return { doc, claim };
}

/**
 * Decides whether two sentences report the same claim, with the scoring the workspace alignment uses:
 * "Israel and Syria held direct talks" ~ "Israel and Syria held a direct meeting" -> same, agree.
 */
export function matchSentences(a: string, b: string): MatchResult {
  const r = compareClaims(asDocument('a', a), asDocument('b', b));
  return { same: r.same, score: r.score, relation: r.relation };
}
