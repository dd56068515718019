import type { TextContext } from '../text/context';
import type { AnalysisOptions, Attribution, EntityMention, Sentence, SourceKind, Stance, TextSpan, Token } from '../types';
import { shippedCueModel, type CueModel } from './cueModel';
import { rerankScore, shippedCueReranker, type RerankFacts } from './cueRerank';
import { findCues, PHRASE_SCORE, type Cue } from './findCues';
import { CUE_FORMS } from './lexicon';
import { isTimeWord, nounPhraseAfter, nounPhraseBefore, RELATIVES, skipAuxiliariesLeft, SOURCE_PRONOUNS, type TokenRange } from './parseSource';
import { classifySource, INSTITUTION_HEADS, isNameLike, pronounFits, UNNAMED_HEADS } from './sourceKind';
import { buildTokenView, type TokenView } from './view';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const LOWER_START = /^\p{Ll}/u;

/** Verbs whose object is the person told, not the content: "told CNN", "informed reporters". */
const OBJECT_VERBS = new Set(['tell', 'inform', 'assure', 'brief', 'warn', 'remind', 'urge', 'ask', 'accuse', 'email', 'text']);
/** Tokens either side of a cue that its source and content may reach, and the longest quotation taken whole. */
const WINDOW = 150;
const MAX_QUOTE_TOKENS = 800;
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'as', 'although', 'though', 'yet']);
/** What ends a quotation that is reported speech: "…,” he said", "…?” she asked". */
const QUOTE_CLAUSE_END = new Set([',', '?', '!', '…', '—']);
/** Words opening a modifier after a cue, not its content: "said on condition of anonymity", "said in a statement". */
const AFTER_CUE_MODIFIERS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'from', 'with', 'of', 'via', 'over', 'while', 'as', 'when', 'by', 'without', 'citing', 'speaking', 'adding', 'according', 'because']);
const DASHES = new Set(['—', '–', '--', '―']);
const SENTENCE_END = new Set(['.', '…', '...', '!', '?', '”', '"', "''", '»']);

interface Draft {
  readonly cue: Cue;
  source: TokenRange | null;
  content: TokenRange | null;
  direct: boolean;
  relayed: TokenRange | null;
  kind: SourceKind;
  entity: number | null;
  stance: Stance;
  pronoun: boolean;
}

/**
 * Finds attributions: "a senior Israeli source told CNN", "according to the White House", "the army denied …",
 * with the source's whole noun phrase, the reported content, the source kind and the stance.
 */
export function findAttributions(ctx: TextContext, entities: readonly EntityMention[], options: AnalysisOptions): Attribution[] {
  const { tokens } = ctx;
  if (!tokens.length) return [];
  const view = buildTokenView(ctx);
  const entityOfToken = indexEntities(tokens, entities);
  const entityAt = (k: number): number => entityOfToken[k] ?? -1;
  const reranker = shippedCueReranker();
  const cues = findCues(ctx, view, shippedCueModel(), options.extraCues ?? [], reranker?.floor ?? 0);
  let drafts = parseCues(ctx, view, entities, entityAt, cues);
  if (reranker) {
    // A second look, now that each cue has its source and content (parsing again without the dropped changed nothing measurable).
    const facts = rerankFactsOf(ctx, view, drafts);
    drafts = drafts.filter((d, i) => d.cue.score > reranker.ceiling || rerankScore(reranker, facts[i]!) > reranker.threshold);
  }
  drafts.push(...dashAttributions(ctx, view, entities, entityAt, drafts), ...colonAttributions(ctx, view, entities, entityAt, drafts), ...pollAttributions(ctx, view, entities, entityAt));
  drafts.push(...quotingColons(ctx, view, entities, entityAt, drafts), ...adverbAttributions(ctx, view));
  drafts.sort((a, b) => a.cue.first - b.cue.first);
  return drafts.map((d) => toAttribution(ctx.text, tokens, d));
}

/**
 * For training the reranker: every cue the word `model` scores above `floor` in an article, with what the reranker
 * reads about it once parsed, e.g. the cue "wants" in "Trump wants to junk …" with a named-person source.
 */
export function rerankCandidates(ctx: TextContext, entities: readonly EntityMention[], model: CueModel, floor: number): { cue: TextSpan; facts: RerankFacts }[] {
  if (!ctx.tokens.length) return [];
  const view = buildTokenView(ctx);
  const entityOfToken = indexEntities(ctx.tokens, entities);
  const cues = findCues(ctx, view, model, [], floor);
  const drafts = parseCues(ctx, view, entities, (k) => entityOfToken[k] ?? -1, cues);
  const facts = rerankFactsOf(ctx, view, drafts);
  const out: { cue: TextSpan; facts: RerankFacts }[] = [];
  drafts.forEach((d, i) => {
    if (d.cue.score >= PHRASE_SCORE) return;
    const start = ctx.tokens[d.cue.first]!.start, end = ctx.tokens[d.cue.end - 1]!.end;
    out.push({ cue: { start, end, text: ctx.text.slice(start, end) }, facts: facts[i]! });
  });
  return out;
}

/** How many cues either side may hold a cue in their content, for the reranker's `nested`. */
const NEST_REACH = 6;
const WH_WORDS = new Set(['whether', 'why', 'how', 'what', 'if', 'who', 'when', 'where', 'which']);

function rerankFactsOf(ctx: TextContext, view: TokenView, drafts: readonly Draft[]): RerankFacts[] {
  // Per sentence: how many confident cues (above the word model's bar) and the best score, so "top" needs no second loop
  // over an endless sentence; weak candidates that may be dropped do not count as rivals or hosts.
  const count = new Map<number, number>(), best = new Map<number, number>();
  for (const d of drafts) {
    if (d.cue.score <= 0) continue;
    const si = d.cue.sentence;
    count.set(si, (count.get(si) ?? 0) + 1);
    best.set(si, Math.max(best.get(si) ?? -Infinity, d.cue.score));
  }
  // How often each speaker (an entity, or else the source's last word) is the source of a confident cue in the article.
  const speaker = (d: Draft): string => (!d.source ? '' : d.entity !== null ? 'e' + d.entity : 'w' + view.lower[d.source.end - 1]!);
  const spoken = new Map<string, number>();
  for (const d of drafts) if (d.source && d.cue.score > 0) spoken.set(speaker(d), (spoken.get(speaker(d)) ?? 0) + 1);
  return drafts.map((d, di) => {
    const cue = d.cue;
    const sameSource = d.source ? (spoken.get(speaker(d)) ?? 0) - (cue.score > 0 ? 1 : 0) : 0;
    const inSentence = (count.get(cue.sentence) ?? 0) + (cue.score > 0 ? 0 : 1);
    const top = cue.score >= (best.get(cue.sentence) ?? -Infinity);
    // Only near neighbours can hold this cue in their content: look a bounded way either side.
    let nested = false;
    for (let k = Math.max(0, di - NEST_REACH); k < drafts.length && k <= di + NEST_REACH && !nested; k++) {
      const o = drafts[k]!;
      if (k !== di && o.cue.score > 0 && o.cue.sentence === cue.sentence && o.content && o.content.first <= cue.first && o.content.end >= cue.end) nested = true;
    }
    const content = !d.content ? 'none' : d.direct ? 'quote' : d.content.first >= cue.end ? 'after' : 'before';
    const sentence = ctx.sentences[cue.sentence]!;
    const last = ctx.tokens[sentence.endToken - 1]!.text;
    const opener = d.content ? view.lower[d.content.first]! : '';
    const contentOpens = !d.content ? 'none' : opener === 'that' || opener === 'to' ? opener : WH_WORDS.has(opener) ? 'wh' : view.quoteOf[d.content.first]! >= 0 ? 'quote' : 'word';
    return {
      score: cue.score,
      word: view.lower[cue.head]!,
      lexicon: CUE_FORMS.has(view.lower[cue.head]!),
      kind: d.source ? d.kind : 'none',
      pronoun: d.pronoun,
      sourceHead: d.source ? view.lower[d.source.end - 1]! : '',
      sourceAfter: !!d.source && d.source.first >= cue.end,
      content,
      contentTokens: d.content ? d.content.end - d.content.first : 0,
      inSentence,
      top,
      nested,
      negated: cue.negated,
      quoted: view.quoteOf[cue.head]! >= 0,
      headline: cue.sentence === 0 || !SENTENCE_END.has(last),
      contentOpens,
      sourceTokens: d.source ? d.source.end - d.source.first : 0,
      relayed: !!d.relayed,
      sameSource,
    };
  });
}

/** Parses each cue's source and content, in order: a cue may inherit the source of the one before it. */
function parseCues(ctx: TextContext, view: TokenView, entities: readonly EntityMention[], entityAt: (k: number) => number, cues: readonly Cue[]): Draft[] {
  const { tokens } = ctx;
  const drafts: Draft[] = [];
  for (let ci = 0; ci < cues.length; ci++) {
    const cue = cues[ci]!;
    // Work within a window around the cue: a sentence without full stops (a data dump) stays linear.
    const full = ctx.sentences[cue.sentence]!;
    const s: Sentence = { ...full, firstToken: Math.max(full.firstToken, cue.first - WINDOW), endToken: Math.min(full.endToken, cue.end + WINDOW) };
    const previous = drafts.length && drafts[drafts.length - 1]!.cue.sentence === cue.sentence ? drafts[drafts.length - 1]! : null;
    const d: Draft = { cue, source: null, content: null, direct: false, relayed: null, kind: 'other', entity: null, stance: cue.stance, pronoun: false };
    d.source = findSource(tokens, view, cue, s, previous);
    if (d.source) {
      const facts = classifySource(tokens, view, d.source, entities, entityAt);
      d.kind = facts.kind;
      d.entity = facts.entity;
      d.pronoun = d.source.end - d.source.first === 1 && SOURCE_PRONOUNS.has(view.lower[d.source.first]!);
      if (d.pronoun) resolvePronoun(d, view.lower[d.source.first]!, drafts, tokens, entities, entityAt);
      else if (d.source.end - d.source.first === 1 && RELATIVES.has(view.lower[d.source.first]!)) {
        // "Rubio, who said …": the relative pronoun stands for the phrase before its comma.
        const at = d.source.first;
        const end = at - 1 > s.firstToken && tokens[at - 1]!.text === ',' ? at - 1 : at;
        const antecedent = end > s.firstToken ? nounPhraseBefore(tokens, view, end, s.firstToken) : null;
        if (antecedent) { const facts = classifySource(tokens, view, antecedent, entities, entityAt); d.kind = facts.kind; d.entity = facts.entity; }
      }
    }
    const next = cues[ci + 1]?.sentence === cue.sentence ? cues[ci + 1]! : null;
    findContent(tokens, view, d, s, next);
    drafts.push(d);
  }
  return drafts;
}

function findSource(tokens: readonly Token[], view: TokenView, cue: Cue, s: Sentence, previous: Draft | null): TokenRange | null {
  if (cue.frame !== 'verb') return nounPhraseAfter(tokens, view, cue.end, s.endToken);
  const left = skipAuxiliariesLeft(view, tokens, cue.first, s.firstToken);
  const head = view.lower[cue.head]!;
  const participle = head.endsWith('ing');
  // "was first reported by The Washington Post": a passive names its source after "by".
  if ((head.endsWith('ed') || head.endsWith('en')) && hasBeAuxiliary(view, left, cue.head)) {
    // "could not be verified", "was described as temporary": a passive without "by" names no source.
    if (view.lower[cue.end] !== 'by') return null;
    return nounPhraseAfter(tokens, view, cue.end + 1, s.endToken);
  }
  const prev = left > s.firstToken ? tokens[left - 1]! : null;
  const inherit = (): TokenRange | null => previous?.source ?? sentenceSubject(tokens, view, s, cue.first);
  if (!prev) return null;
  if (prev.kind === 'word' || prev.kind === 'number' || prev.kind === 'handle' || prev.text === ')') {
    const w = view.lower[left - 1]!;
    if (CONJUNCTIONS.has(w)) return inherit();
    const np = nounPhraseBefore(tokens, view, left, s.firstToken);
    if (np) return np;
    return participle || w === 'to' ? inherit() : null;
  }
  if (prev.text === ',') {
    // "Rubio, a senator from Florida, said": step back over the appositive.
    const np = appositiveHead(tokens, view, left - 1, s.firstToken);
    if (np) return np;
    if (participle) return inherit();
  }
  if (participle) return inherit();
  // "…,” said Rubio" / "…, said the ministry": the source follows the cue.
  return nounPhraseAfter(tokens, view, cue.end, s.endToken);
}

function hasBeAuxiliary(view: TokenView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (BE.has(view.lower[k]!)) return true;
  return false;
}
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * For a comma at `comma` that closes an appositive ("Rubio, a senator from Florida, said"; "Mr. King, 82, told"),
 * the name before the appositive; null when the comma closes something else.
 */
function appositiveHead(tokens: readonly Token[], view: TokenView, comma: number, limit: number): TokenRange | null {
  for (let p = comma - 2; p >= limit && comma - p <= 30; p--) {
    const t = tokens[p]!;
    if (t.kind === 'punct' && t.text !== ',' && t.text !== '.' && t.text !== '-' && t.text !== '(' && t.text !== ')') return null;
    if (t.text !== ',') continue;
    const opener = tokens[p + 1]!, o = view.lower[p + 1]!;
    const appositive = o === 'a' || o === 'an' || o === 'the' || o === 'who' || o === 'which' || opener.kind === 'number' ||
      LOWER_START.test(opener.text) || APPOSITIVE_TITLES.has(o) || (isNameLike(opener.text) && /^(democrat|republican|independent)/.test(o));
    if (!appositive) return null;
    const np = nounPhraseBefore(tokens, view, p, limit);
    return np && (isNameLike(tokens[np.end - 1]!.text) || tokens[np.end - 1]!.text === ')') ? np : null;
  }
  return null;
}
const APPOSITIVE_TITLES = new Set(['president', 'secretary', 'minister', 'chairman', 'director', 'senator', 'spokesman', 'spokeswoman', 'chief', 'head', 'leader', 'former', 'executive']);

/** The subject at the start of a sentence, for "…, saying" with no earlier cue: "Trump visited Riyadh, saying …". */
function sentenceSubject(tokens: readonly Token[], view: TokenView, s: Sentence, before: number): TokenRange | null {
  let start = s.firstToken;
  while (start < before && tokens[start]!.kind === 'punct') start++;
  const np = nounPhraseAfter(tokens, view, start, before);
  if (!np || np.end >= before) return null;
  // Only a phrase that can speak: a name, a pronoun, a source noun or an institution.
  const last = view.lower[np.end - 1]!;
  return isNameLike(tokens[np.end - 1]!.text) || SOURCE_PRONOUNS.has(last) || UNNAMED_HEADS.has(last) || INSTITUTION_HEADS.has(last) ? np : null;
}

/** Cue verbs whose "it" is evidence rather than a speaker: "it shows", "it suggests", "it indicates". */
const EVIDENCE_LEMMAS = new Set(['show', 'suggest', 'indicate']);

function resolvePronoun(d: Draft, pronoun: string, drafts: readonly Draft[], tokens: readonly Token[], entities: readonly EntityMention[], entityAt: (k: number) => number): void {
  // "It shows …", "it suggests …": what shows is a document, a poll or a study, not the last speaker.
  if (pronoun === 'it' && EVIDENCE_LEMMAS.has(d.cue.lemma)) { d.kind = 'other'; return; }
  // People stay in the story for a while; "it" and "they" only refer to what was just mentioned.
  const reach = pronoun === 'he' || pronoun === 'she' || pronoun === 'i' ? 8 : 2;
  for (let k = drafts.length - 1; k >= 0 && k >= drafts.length - 12; k--) {
    const p = drafts[k]!;
    if (d.cue.sentence - p.cue.sentence > reach) break;
    if (!p.pronoun && p.source && pronounFits(pronoun, p.kind)) { d.kind = p.kind; d.entity = p.entity; return; }
  }
  // No earlier source fits: the nearest fitting entity before the cue.
  const from = tokens[d.cue.first]!.start;
  // Entities arrive sorted by start: find the last one before the cue, then look back a bounded way.
  let lo = 0, hi = entities.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (entities[mid]!.start < from) lo = mid + 1; else hi = mid; }
  for (let i = lo - 1; i >= 0 && reach > 2 && lo - i <= 60; i--) {
    const e = entities[i]!;
    if (e.end > from) continue;
    const kind: SourceKind | null = e.type === 'PERSON' ? 'named-person' : e.type === 'ORG' ? 'named-organization' : null;
    if (kind && pronounFits(pronoun, kind)) { d.kind = kind; d.entity = i; return; }
  }
  void entityAt;
  d.kind = pronoun === 'they' ? 'unnamed' : 'other';
}

function findContent(tokens: readonly Token[], view: TokenView, d: Draft, s: Sentence, next: Cue | null): void {
  const cue = d.cue;
  const srcFirst = d.source && d.source.first < cue.first ? d.source.first : cue.first;
  // "“…,” he said": a quotation closing just before the source or cue is the content.
  let before = srcFirst;
  while (before > s.firstToken && tokens[before - 1]!.text === ',') before--;
  const quoteEndsClause = before - 2 >= s.firstToken && (QUOTE_CLAUSE_END.has(tokens[before - 2]!.text) || before < srcFirst);
  if (before - 1 >= s.firstToken && isClosingQuote(tokens[before - 1]!) && quoteEndsClause && cue.frame === 'verb') {
    const cq = view.quoteOf[before - 1]!;
    if (cq >= 0 && view.quotes[cq]!.first < before - 1) { d.content = { first: Math.max(view.quotes[cq]!.first, before - MAX_QUOTE_TOKENS), end: before }; d.direct = true; return; }
  }
  let k = cue.end;
  if (d.source && d.source.first >= cue.end) k = d.source.end; // "according to X", inverted "said Rubio"
  if (cue.frame === 'verb' && OBJECT_VERBS.has(cue.lemma) && !(d.source && d.source.first >= cue.end)) {
    const obj = nounPhraseAfter(tokens, view, k, s.endToken);
    if (obj && view.lower[obj.first] !== 'that') {
      if (tokens.slice(obj.first, obj.end).some((t) => isNameLike(t.text))) d.relayed = obj;
      k = obj.end;
    }
  }
  // Skip time phrases and the complementiser: "said Thursday that", "told CNN on Friday:".
  let opensClause = false;
  while (k < s.endToken) {
    const w = view.lower[k]!, t = tokens[k]!;
    if (w === 'that' || t.text === ':') { opensClause = true; k++; continue; }
    const afterTime = k > cue.end && (isTimeWord(view.lower[k - 1]!) || isNameLike(tokens[k - 1]!.text));
    if (isTimeWord(w) || (t.kind === 'number' && afterTime) || t.text === ',' || (t.kind === 'word' && isNameLike(t.text) && k > cue.end && isTimeWord(view.lower[k - 1]!))) { k++; continue; }
    break;
  }
  const q = k < tokens.length ? view.quoteOf[k]! : -1;
  if (q >= 0 && view.quotes[q]!.first === k) {
    d.content = { first: k, end: Math.min(view.quotes[q]!.last + 1, k + MAX_QUOTE_TOKENS) };
    d.direct = true;
    return;
  }
  let end = s.endToken;
  if (next && next.frame === 'verb' && cue.frame === 'verb') {
    // A coordinated or new main clause ends this content: "… but clarified", "…, Al-Sharaa revealed";
    // "said it urged …" keeps the nested cue inside the content.
    const left = skipAuxiliariesLeft(view, tokens, next.first, k);
    if (left > k && CONJUNCTIONS.has(view.lower[left - 1]!)) end = left - 1;
    else {
      const np = left > k && tokens[left - 1]!.kind === 'word' ? nounPhraseBefore(tokens, view, left, k) : null;
      if (np && np.first > k && tokens[np.first - 1]!.text === ',') end = np.first - 1;
      else if (left > k && tokens[left - 1]!.text === ',') end = left - 1;
    }
  }
  // Trim trailing punctuation, but keep a closing quote mark (not one that opens the next quotation).
  while (end > k && (tokens[end - 1]!.kind === 'punct' || CONJUNCTIONS.has(view.lower[end - 1]!)) && !(isClosingQuote(tokens[end - 1]!) && !opensQuote(view, end - 1))) end--;
  // Content before the cue: "…, a source said on condition of anonymity", "Israel held talks, a source told CNN".
  let start = s.firstToken;
  while (start < before && tokens[start]!.kind === 'punct' && !isOpeningQuote(tokens[start]!)) start++;
  const wordsBefore = countContentWords(tokens, view, start, before);
  const commaBefore = before < srcFirst || (srcFirst > s.firstToken && tokens[srcFirst - 1]!.text === ',');
  const wordsAfter = countContentWords(tokens, view, k, end);
  // "…, according to X[, a spokeswoman]." reports what comes before; "According to X, …" what follows.
  const clauseStart = cue.first === s.firstToken || /^(?:[“"(—–-]|'')$/.test(tokens[cue.first - 1]!.text);
  if (cue.frame === 'according' && !clauseStart && wordsBefore >= 3 && commaBefore) {
    d.content = { first: start, end: before }; d.direct = isQuoted(view, start, before); return;
  }
  const modifierAfter = !opensClause && k < end && AFTER_CUE_MODIFIERS.has(view.lower[k]!);
  if (wordsAfter >= 2 && (opensClause || !(commaBefore && wordsBefore >= 3 && modifierAfter) || cue.frame !== 'verb')) {
    d.content = { first: k, end }; d.direct = isQuoted(view, k, end); return;
  }
  if (wordsBefore >= 2) { d.content = { first: start, end: before }; d.direct = isQuoted(view, start, before); return; }
  if (wordsAfter >= 1) { d.content = { first: k, end }; d.direct = isQuoted(view, k, end); }
}

function countContentWords(tokens: readonly Token[], view: TokenView, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (tokens[i]!.kind === 'word' && !isTimeWord(view.lower[i]!)) n++;
  return n;
}

const isClosingQuote = (t: Token): boolean => t.text === '”' || t.text === '"' || t.text === "''" || t.text === '»';
const opensQuote = (view: TokenView, k: number): boolean => view.quoteOf[k]! >= 0 && view.quotes[view.quoteOf[k]!]!.first === k;
const isOpeningQuote = (t: Token): boolean => t.text === '“' || t.text === '"' || t.text === "''" || t.text === '«';
const isQuoted = (view: TokenView, a: number, b: number): boolean => {
  const q = view.quoteOf[a]!;
  return q >= 0 && view.quoteOf[b - 1] === q;
};

/** "…our economy.” — Treasury Department (@USTreasury)": a quotation or paragraph signed after a dash. */
function dashAttributions(ctx: TextContext, view: TokenView, entities: readonly EntityMention[], entityAt: (k: number) => number, drafts: readonly Draft[]): Draft[] {
  const { tokens, text } = ctx;
  const out: Draft[] = [];
  const taken = new Set(drafts.map((d) => d.cue.sentence));
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!DASHES.has(tokens[i]!.text) || !SENTENCE_END.has(tokens[i - 1]!.text) || !isNameLike(tokens[i + 1]!.text)) continue;
    const si = view.sentenceOf[i + 1]!;
    const s = ctx.sentences[si];
    if (!s || taken.has(si)) continue;
    // The signature runs to the end of its paragraph and is short.
    let end = i + 1;
    while (end < tokens.length && !/[\r\n]/.test(text.slice(tokens[end - 1]!.end, tokens[end]!.start)) && end - i < 16) end++;
    if (end - i >= 16) continue;
    const source = nounPhraseAfter(tokens, view, i + 1, end);
    if (!source) continue;
    // The content: the quotation before the dash, or its paragraph.
    let first = i - 1;
    const q = view.quoteOf[i - 1]!;
    if (q >= 0) first = Math.max(view.quotes[q]!.first, i - MAX_QUOTE_TOKENS);
    else while (first > 0 && i - first < WINDOW && !/[\r\n]/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))) first--;
    const cue: Cue = { sentence: si, first: i, end: i + 1, head: i, lemma: 'dash', stance: 'assert', negated: false, frame: 'according', score: PHRASE_SCORE };
    const facts = classifySource(tokens, view, source, entities, entityAt);
    out.push({ cue, source, content: first < i ? { first, end: i } : null, direct: q >= 0, relayed: null, kind: facts.kind, entity: facts.entity, stance: 'assert', pronoun: false });
  }
  return out;
}

/** Labels that head a line with a colon without being anyone: "Note:", "Update:", "Photo:". */
const COLON_LABELS = new Set(['note', 'update', 'updated', 'correction', 'photo', 'photos', 'video', 'watch', 'read', 'related', 'breaking', 'live', 'warning', 'source', 'sources', 'credit', 'caption', 'editor', 'disclaimer', 'image', 'graphic', 'map', 'chart', 'listen', 'tags', 'topics', 'share', 'advertisement', 'ps', 'p.s.', 'subject', 'date', 'time', 'location', 'where', 'when', 'what', 'who', 'why', 'how', 'also', 'see', 'more', 'background', 'context', 'analysis', 'opinion', 'exclusive', 'report']);
const NP_WORDS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our']);

/** "Paul Ryan: FBI decision defies explanation", "Clinton: “Our goal is …”": a name, a colon, what they said. */
function colonAttributions(ctx: TextContext, view: TokenView, entities: readonly EntityMention[], entityAt: (k: number) => number, drafts: readonly Draft[]): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  // A headline "Name: …" still speaks when its sentence's cues come after the colon.
  const firstCue = firstCueOfSentences(drafts);
  ctx.sentences.forEach((s, si) => {
    const taken = firstCue.get(si) ?? Infinity;
    // A transcript turn inside a quotation: "“PENCE: Well, look, …".
    const opener = s.firstToken + 1 < s.endToken && isOpeningQuote(tokens[s.firstToken]!) ? s.firstToken + 1 : s.firstToken;
    for (let c = opener + 1; c < s.endToken - 1 && c - opener <= 6; c++) {
      if (tokens[c]!.text !== ':') continue;
      if (taken <= c) return;
      // "From the ministry: “…”" introduces a quotation the same way.
      const from = view.lower[opener] === 'from' ? opener + 1 : opener;
      if (from === c) return;
      for (let k = from; k < c; k++) {
        if (!isNameLike(tokens[k]!.text) && tokens[k]!.kind !== 'number' && tokens[k]!.text !== '.' && !(from > opener && NP_WORDS.has(view.lower[k]!))) return;
      }
      if (c - from === 1 && (COLON_LABELS.has(view.lower[from]!) || tokens[from]!.text.length === 1)) return;
      // "The Latest: …", "A Curious Plan: …" head a story, not a speaker (none of ten on PolNeAR train was one).
      if (from === opener && NP_WORDS.has(view.lower[from]!)) return;
      // A speaker has a name ("11: 06 a.m." is a time) and says words ("Clinton: 547." is a tally).
      if (!hasWord(tokens, from, c) || !hasWord(tokens, c + 1, s.endToken)) return;
      const source = { first: from, end: c };
      const cue: Cue = { sentence: si, first: c, end: c + 1, head: c, lemma: ':', stance: 'assert', negated: false, frame: 'according', score: PHRASE_SCORE };
      const facts = classifySource(tokens, view, source, entities, entityAt);
      const q = view.quoteOf[c + 1]!;
      const content = q >= 0 && view.quotes[q]!.first === c + 1 ? { first: c + 1, end: Math.min(view.quotes[q]!.last + 1, c + 1 + MAX_QUOTE_TOKENS) } : { first: c + 1, end: s.endToken };
      out.push({ cue, source, content, direct: q >= 0, relayed: null, kind: facts.kind, entity: facts.entity, stance: 'assert', pronoun: false });
      return;
    }
  });
  return out;
}

/** The longest predicate a quoting colon takes in as its cue: "used one of the woman’s quotes as its headline:". */
const PREDICATE_TOKENS = 10;

/**
 * "The piece used one of her quotes as its headline: “Finally …”", "a reader would now ask: ''WHAT?''": a colon that
 * opens a quotation after words, with no cue before it in its sentence, is the cue; the sentence's subject speaks.
 */
function quotingColons(ctx: TextContext, view: TokenView, entities: readonly EntityMention[], entityAt: (k: number) => number, drafts: readonly Draft[]): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  // A colon after a cue of its sentence belongs to that cue ("He said: “…”").
  const firstCue = firstCueOfSentences(drafts);
  for (let c = 1; c + 1 < tokens.length; c++) {
    if (tokens[c]!.text !== ':' || tokens[c - 1]!.kind !== 'word' || !opensQuote(view, c + 1)) continue;
    const si = view.sentenceOf[c]!;
    const s = ctx.sentences[si];
    if (!s || (firstCue.get(si) ?? Infinity) <= c) continue;
    const q = view.quotes[view.quoteOf[c + 1]!]!;
    // The cue is the predicate that ends in the colon, "scolded him:", "is recorded in detail:", as PolNeAR marks it:
    // the lower-case words before the colon, back to a name, a capital or punctuation.
    let first = c;
    while (first > s.firstToken && c - first < PREDICATE_TOKENS && tokens[first - 1]!.kind === 'word' && LOWER_START.test(tokens[first - 1]!.text)) first--;
    // "The piece used …:": the noun after a sentence-opening article is the subject, not the predicate.
    if (first < c && first - 1 === s.firstToken && NP_WORDS.has(view.lower[first - 1]!)) first++;
    const cue: Cue = { sentence: si, first, end: c + 1, head: c, lemma: ':', stance: 'assert', negated: false, frame: 'verb', score: PHRASE_SCORE };
    const source = sentenceSubject(tokens, view, s, c);
    const facts = source ? classifySource(tokens, view, source, entities, entityAt) : null;
    out.push({ cue, source, content: { first: c + 1, end: Math.min(q.last + 1, c + 1 + MAX_QUOTE_TOKENS) }, direct: true, relayed: null, kind: facts?.kind ?? 'other', entity: facts?.entity ?? null, stance: 'assert', pronoun: false });
  }
  return out;
}

/** Adverbs that put their clause on unnamed reports ("reportedly": 19 of 29 annotated as cues on PolNeAR train). */
const REPORTING_ADVERBS = new Set(['reportedly']);

/** "The Club for Growth is reportedly spending $1.5 million": the adverb is the cue, its clause the content, no source. */
function adverbAttributions(ctx: TextContext, view: TokenView): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!REPORTING_ADVERBS.has(view.lower[i]!) || view.quoteOf[i]! >= 0) continue;
    const si = view.sentenceOf[i]!;
    const s = ctx.sentences[si];
    if (!s) continue;
    let end = s.endToken;
    while (end > i + 1 && tokens[end - 1]!.kind === 'punct' && !isClosingQuote(tokens[end - 1]!)) end--;
    if (!hasWord(tokens, i + 1, end)) continue;
    const cue: Cue = { sentence: si, first: i, end: i + 1, head: i, lemma: view.lower[i]!, stance: 'assert', negated: false, frame: 'according', score: PHRASE_SCORE };
    out.push({ cue, source: null, content: { first: i + 1, end }, direct: false, relayed: null, kind: 'other', entity: null, stance: 'assert', pronoun: false });
  }
  return out;
}

/** The nouns of a poll that reports figures, as its source after "In". */
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys']);

/** "In a CNN/ORC poll released Monday, Clinton led by five points": the poll speaks, "In" is its cue. */
function pollAttributions(ctx: TextContext, view: TokenView, entities: readonly EntityMention[], entityAt: (k: number) => number): Draft[] {
  const { tokens } = ctx;
  const out: Draft[] = [];
  ctx.sentences.forEach((s, si) => {
    const f = s.firstToken;
    if (view.lower[f] !== 'in') return;
    // The poll's noun among the first words, and the comma that closes the phrase ("… released Monday,").
    let head = -1, comma = -1;
    for (let k = f + 1; k < s.endToken && k <= f + 20; k++) {
      if (tokens[k]!.text === ',') { comma = k; break; }
      if (head < 0 && k <= f + 10 && POLL_HEADS.has(view.lower[k]!)) head = k;
    }
    if (head < 0 || comma < 0) return;
    let end = s.endToken;
    while (end > comma + 1 && tokens[end - 1]!.kind === 'punct' && !isClosingQuote(tokens[end - 1]!)) end--;
    if (!hasWord(tokens, comma + 1, end)) return;
    const source = { first: f + 1, end: comma };
    const cue: Cue = { sentence: si, first: f, end: f + 1, head: f, lemma: 'in', stance: 'assert', negated: false, frame: 'according', score: PHRASE_SCORE };
    const facts = classifySource(tokens, view, source, entities, entityAt);
    out.push({ cue, source, content: { first: comma + 1, end }, direct: isQuoted(view, comma + 1, end), relayed: null, kind: facts.kind, entity: facts.entity, stance: 'assert', pronoun: false });
  });
  return out;
}

/** The token of the first cue in each sentence that has one. */
function firstCueOfSentences(drafts: readonly Draft[]): Map<number, number> {
  const first = new Map<number, number>();
  for (const d of drafts) first.set(d.cue.sentence, Math.min(first.get(d.cue.sentence) ?? Infinity, d.cue.first));
  return first;
}

function hasWord(tokens: readonly Token[], from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (tokens[k]!.kind === 'word') return true;
  return false;
}

function indexEntities(tokens: readonly Token[], entities: readonly EntityMention[]): Int32Array {
  const of = new Int32Array(tokens.length).fill(-1);
  let t = 0;
  const order = entities.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start);
  for (const { e, i } of order) {
    while (t < tokens.length && tokens[t]!.end <= e.start) t++;
    for (let k = t; k < tokens.length && tokens[k]!.start < e.end; k++) of[k] = i;
  }
  return of;
}

function toAttribution(text: string, tokens: readonly Token[], d: Draft): Attribution {
  const span = (r: TokenRange): TextSpan => {
    const start = tokens[r.first]!.start, end = tokens[r.end - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  };
  const a: Attribution = {
    cue: span({ first: d.cue.first, end: d.cue.end }),
    source: d.source ? span(d.source) : null,
    content: d.content ? span(d.content) : null,
    sourceKind: d.source ? d.kind : 'other',
    stance: d.stance,
    direct: d.direct,
    sourceEntity: d.entity,
  };
  return d.relayed ? { ...a, relayedTo: span(d.relayed) } : a;
}
