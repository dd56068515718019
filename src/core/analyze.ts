import type { TextContext } from './text/context';
import type { AnalysisOptions, DocumentAnalysis, Sentence, Token, Warning } from './types';
import { tokenize } from './text/tokenize';
import { splitSentences } from './text/sentences';
import { readDateline } from './text/dateline';
import type { EntityTagger } from './entities/tagger';
import { findEntities } from './entities/findEntities';
import { findAttributions } from './attribution/findAttributions';
import { findHedges } from './attribution/findHedges';
import { extractClaims } from './claims/extractClaims';

/** Lines longer than this are analysed as plain text without entities (a minified blob, a data dump). */
const MAX_SENTENCE_CHARS = 5_000;

/**
 * Analyses one article: a pure function of its text (and the options), e.g.
 * `analyzeText("a senior Israeli source told CNN on Friday …", tagger)`.
 */
export function analyzeText(text: string, tagger: EntityTagger, options: AnalysisOptions = {}): DocumentAnalysis {
  const warnings: Warning[] = [];
  const dateline = readDateline(text);
  const tokens = tokenize(text);
  const sentences = splitAtDateline(splitSentences(text, tokens), tokens, text, dateline.span?.end ?? -1);
  const ctx: TextContext = { text, tokens, sentences, published: dateline.published };
  for (const s of sentences) {
    if (s.end - s.start > MAX_SENTENCE_CHARS) warnings.push({ message: `A ${s.end - s.start}-character run without sentence breaks was only partly analysed.`, span: { start: s.start, end: s.end } });
  }
  const entities = findEntities(ctx, tagger, { outlet: dateline.outlet, datelineEnd: dateline.span?.end ?? null });
  const attributions = findAttributions(ctx, entities, options);
  const hedges = findHedges(ctx, options);
  const claims = extractClaims(ctx, entities, attributions, hedges);
  return {
    title: dateline.title,
    outlet: dateline.outlet,
    published: dateline.published,
    tokens,
    sentences,
    entities,
    attributions,
    hedges,
    claims,
    warnings,
  };
}

/** The dateline ("date 2025-05-16 Shafaq News/") is not part of the first sentence. */
function splitAtDateline(sentences: Sentence[], tokens: readonly Token[], text: string, at: number): Sentence[] {
  if (at < 0) return sentences;
  const i = sentences.findIndex((s) => s.start < at && s.end > at);
  const s = sentences[i];
  if (!s) return sentences;
  let k = s.firstToken;
  while (k < s.endToken && tokens[k]!.start < at) k++;
  if (k === s.firstToken || k === s.endToken) return sentences;
  const make = (a: number, b: number): Sentence => ({
    start: tokens[a]!.start, end: tokens[b - 1]!.end, text: text.slice(tokens[a]!.start, tokens[b - 1]!.end), firstToken: a, endToken: b,
  });
  return [...sentences.slice(0, i), make(s.firstToken, k), make(k, s.endToken), ...sentences.slice(i + 1)];
}
