import type { TextContext } from '../text/context';
import type { AnalysisOptions, Attribution, EntityMention, Sentence, SourceKind, Stance, TextSpan, Token } from '../types';
import { shippedCueModel } from './cueModel';
import { findCues, type Cue } from './findCues';
import { isTimeWord, nounPhraseAfter, nounPhraseBefore, skipAuxiliariesLeft, SOURCE_PRONOUNS, type TokenRange } from './parseSource';
import { classifySource, isNameLike, pronounFits } from './sourceKind';
import { buildTokenView, type TokenView } from './view';

/** Verbs whose object is the person told, not the content: "told CNN", "informed reporters". */
const OBJECT_VERBS = new Set(['tell', 'inform', 'assure', 'brief', 'warn', 'remind', 'urge', 'ask', 'accuse', 'email', 'text']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'as', 'although', 'though', 'yet']);
/** What ends a quotation that is reported speech: "…,” he said", "…?” she asked". */
const QUOTE_CLAUSE_END = new Set([',', '?', '!', '…', '—']);
/** Words opening a modifier after a cue, not its content: "said on condition of anonymity", "said in a statement". */
const AFTER_CUE_MODIFIERS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'from', 'with', 'of', 'via', 'over', 'to', 'while', 'as', 'when', 'by', 'without', 'citing', 'speaking', 'adding', 'according', 'because']);
const DASHES = new Set(['—', '–', '--', '―']);
const SENTENCE_END = new Set(['.', '…', '...', '!', '?', '”', '"', '»']);

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
  const cues = findCues(ctx, view, shippedCueModel(), options.extraCues ?? []);
  const drafts: Draft[] = [];
  for (let ci = 0; ci < cues.length; ci++) {
    const cue = cues[ci]!;
    const s = ctx.sentences[cue.sentence]!;
    const previous = drafts.length && drafts[drafts.length - 1]!.cue.sentence === cue.sentence ? drafts[drafts.length - 1]! : null;
    const d: Draft = { cue, source: null, content: null, direct: false, relayed: null, kind: 'other', entity: null, stance: cue.stance, pronoun: false };
    d.source = findSource(tokens, view, cue, s, previous);
    if (d.source) {
      const facts = classifySource(tokens, view, d.source, entities, entityAt);
      d.kind = facts.kind;
      d.entity = facts.entity;
      d.pronoun = d.source.end - d.source.first === 1 && SOURCE_PRONOUNS.has(view.lower[d.source.first]!);
      if (d.pronoun) resolvePronoun(d, view.lower[d.source.first]!, drafts, tokens, entities, entityAt);
    }
    const next = cues[ci + 1]?.sentence === cue.sentence ? cues[ci + 1]! : null;
    findContent(tokens, view, d, s, next);
    drafts.push(d);
  }
  drafts.push(...dashAttributions(ctx, view, entities, entityAt, drafts));
  drafts.sort((a, b) => a.cue.first - b.cue.first);
  return drafts.map((d) => toAttribution(ctx.text, tokens, d));
}

function findSource(tokens: readonly Token[], view: TokenView, cue: Cue, s: Sentence, previous: Draft | null): TokenRange | null {
  if (cue.frame !== 'verb') return nounPhraseAfter(tokens, view, cue.end, s.endToken);
  const left = skipAuxiliariesLeft(view, tokens, cue.first, s.firstToken);
  const head = view.lower[cue.head]!;
  const participle = head.endsWith('ing');
  // "was first reported by The Washington Post": a passive names its source after "by".
  if (view.lower[cue.end] === 'by' && head.endsWith('ed') && hasBeAuxiliary(view, left, cue.head)) {
    const agent = nounPhraseAfter(tokens, view, cue.end + 1, s.endToken);
    if (agent) return agent;
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
      /^\p{Ll}/u.test(opener.text) || APPOSITIVE_TITLES.has(o) || (isNameLike(opener.text) && /^(democrat|republican|independent)/.test(o));
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
  return np && np.end < before ? np : null;
}

function resolvePronoun(d: Draft, pronoun: string, drafts: readonly Draft[], tokens: readonly Token[], entities: readonly EntityMention[], entityAt: (k: number) => number): void {
  for (let k = drafts.length - 1; k >= 0 && k >= drafts.length - 12; k--) {
    const p = drafts[k]!;
    if (!p.pronoun && p.source && pronounFits(pronoun, p.kind)) { d.kind = p.kind; d.entity = p.entity; return; }
  }
  // No earlier source fits: the nearest fitting entity before the cue.
  const from = tokens[d.cue.first]!.start;
  for (let i = entities.length - 1; i >= 0; i--) {
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
    if (cq >= 0 && view.quotes[cq]!.first < before - 1) { d.content = { first: view.quotes[cq]!.first, end: before }; d.direct = true; return; }
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
    if (isTimeWord(w) || t.kind === 'number' || t.text === ',' || (t.kind === 'word' && isNameLike(t.text) && k > cue.end && isTimeWord(view.lower[k - 1]!))) { k++; continue; }
    break;
  }
  const q = k < tokens.length ? view.quoteOf[k]! : -1;
  if (q >= 0 && view.quotes[q]!.first === k) {
    d.content = { first: k, end: view.quotes[q]!.last + 1 };
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
  while (end > k && (tokens[end - 1]!.kind === 'punct' || CONJUNCTIONS.has(view.lower[end - 1]!)) && !isClosingQuote(tokens[end - 1]!)) end--;
  // Content before the cue: "…, a source said on condition of anonymity", "Israel held talks, a source told CNN".
  let start = s.firstToken;
  while (start < before && tokens[start]!.kind === 'punct' && !isOpeningQuote(tokens[start]!)) start++;
  const wordsBefore = countContentWords(tokens, view, start, before);
  const commaBefore = before < srcFirst || (srcFirst > s.firstToken && tokens[srcFirst - 1]!.text === ',');
  const wordsAfter = countContentWords(tokens, view, k, end);
  if (cue.frame === 'according' && tokens[k - 1]?.text !== ',' && wordsBefore >= 3 && commaBefore) {
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

const isClosingQuote = (t: Token): boolean => t.text === '”' || t.text === '"' || t.text === '»';
const isOpeningQuote = (t: Token): boolean => t.text === '“' || t.text === '"' || t.text === '«';
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
    if (q >= 0) first = view.quotes[q]!.first;
    else while (first > 0 && !/[\r\n]/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))) first--;
    const cue: Cue = { sentence: si, first: i, end: i + 1, head: i, lemma: 'dash', stance: 'assert', negated: false, frame: 'according' };
    const facts = classifySource(tokens, view, source, entities, entityAt);
    out.push({ cue, source, content: first < i ? { first, end: i } : null, direct: q >= 0, relayed: null, kind: facts.kind, entity: facts.entity, stance: 'assert', pronoun: false });
  }
  return out;
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
