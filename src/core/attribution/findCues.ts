import type { TextContext } from '../text/context';
import type { Stance, Token } from '../types';
import { sentenceQuoted } from './cueFeatures';
import { scoreCueAt, type CueModel } from './cueModel';
import { CUE_AUXILIARIES, CUE_FORMS, CUE_PHRASES, NO_COMMENT_WHEN_NEGATED, isNegation } from './lexicon';
import type { TokenView } from './view';
import { murmurStep } from '../index/hash';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const CAPITAL_START = /^\p{Lu}/u;

/** A cue found in a sentence: tokens `[first, end)`, its head word and what it says about the source's stance. */
export interface Cue {
  readonly sentence: number;
  readonly first: number;
  readonly end: number;
  /** The token that carries the verb or phrase ("said" in "has said", "according" in "according to"). */
  readonly head: number;
  /** Lemma for verbs ("say"), the phrase for phrases ("according to"), the word for learned cues. */
  readonly lemma: string;
  readonly stance: Stance;
  readonly negated: boolean;
  /** "verb" takes a subject; "according" and "from" name their source after them. */
  readonly frame: 'verb' | 'according' | 'from';
  /** How far the model's score clears its bar (above 0 makes a cue); lexicon phrases get `PHRASE_SCORE`. */
  readonly score: number;
}

/** The score of a cue the lexicon's phrases make: above anything the model gives. */
export const PHRASE_SCORE = 100;

interface PhraseNode { readonly next: Map<string, PhraseNode>; phrase?: string; stance?: Stance }

function buildTrie(phrases: readonly { phrase: string; stance: Stance }[]): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  for (const p of phrases) {
    let node = root;
    for (const w of p.phrase.split(' ')) {
      let child = node.next.get(w);
      if (!child) { child = { next: new Map() }; node.next.set(w, child); }
      node = child;
    }
    node.phrase = p.phrase;
    node.stance = p.stance;
  }
  return root;
}

/** How much lower the bar is for the lexicon's own cue verbs than for words the model learned. */
const LEXICON_MARGIN = 8;
const BUILTIN_TRIE = buildTrie(CUE_PHRASES);
/** Words before a cue word that make it an idiom, no cue: "all told", "that said", "truth be told", "let's say", "goes without saying", "worth noting". */
const NOT_CUE_AFTER = new Map<string, readonly (readonly string[])[]>([
  ['told', [['all'], ['be']]],
  ['said', [['that'], ['having'], ['aforesaid'], ['be']]],
  ['say', [['let', "'s"], ['let', '’s'], ['safe', 'to'], ['fair', 'to'], ['needless', 'to'], ['suffice', 'it', 'to']]],
  ['saying', [['goes', 'without'], ['go', 'without'], ['went', 'without']]],
  ['noting', [['worth']]],
]);
/** Words after a cue word that make it no cue: "Julie Davis reported from Midway Atoll" (a byline; 0 of 9 on PolNeAR train). */
const NOT_CUE_BEFORE = new Map<string, ReadonlySet<string>>([
  ['reported', new Set(['from'])],
]);

/** Whether the words just before `i` (within the sentence from `first`) are one of `phrases`. */
function preceded(lower: readonly string[], i: number, first: number, phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((p) => i - p.length >= first && p.every((w, j) => lower[i - p.length + j] === w));
}
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'these', 'those', 'such', 'new', 'false', 'unfounded', 'baseless']);
const NOUN_FORMS = new Set(['claims', 'claim', 'reports', 'report', 'statement', 'comments', 'comment', 'posts', 'post', 'shows', 'show', 'findings', 'notes', 'note', 'texts', 'text', 'quotes', 'quote', 'briefs']);

/**
 * Finds the cues of a document, sentence by sentence: "a senior source told CNN", "has not commented",
 * "according to", "there was no word from". Phrases come from the lexicon; single words are judged by the
 * learned model in context ("all told" and "the claims" are no cues).
 */
export function findCues(ctx: TextContext, view: TokenView, model: CueModel, extraCues: readonly string[] = [], floor = 0): Cue[] {
  const trie = extraCues.length ? buildTrie([...CUE_PHRASES, ...extraCues.map((p) => ({ phrase: p.toLowerCase().trim(), stance: 'assert' as Stance }))]) : BUILTIN_TRIE;
  const cues: Cue[] = [];
  const { tokens } = ctx;
  const { lower } = view;
  let hashes: Int32Array | undefined;
  ctx.sentences.forEach((s, si) => {
    let sq: string | undefined;
    for (let i = s.firstToken; i < s.endToken; i++) {
      // Longest lexicon phrase first.
      let node: PhraseNode | undefined = trie, matchEnd = -1, matched: PhraseNode | undefined;
      for (let k = i; k < s.endToken && node; k++) {
        node = node.next.get(lower[k]!);
        if (node?.phrase) { matchEnd = k + 1; matched = node; }
      }
      if (matched && matched.phrase) {
        const phrase = matched.phrase;
        const frame = phrase === 'according to' ? 'according' : phrase.endsWith(' from') ? 'from' : 'verb';
        const negated = phrase.split(' ').some(isNegation);
        cues.push({ sentence: si, first: i, end: matchEnd, head: i, lemma: phrase, stance: matched.stance ?? 'assert', negated, frame, score: PHRASE_SCORE });
        i = matchEnd - 1;
        continue;
      }
      const w = lower[i]!;
      if (tokens[i]!.kind !== 'word') continue;
      if (!model.candidates.has(w)) continue;
      if (!plausible(ctx, view, i, s.firstToken)) continue;
      sq ??= sentenceQuoted(view, s.firstToken, s.endToken);
      hashes ??= tokenHashes(tokens);
      const score = contextScore(model, tokens, view, hashes, i, s.firstToken, s.endToken, sq);
      // Curated verbs of saying get the benefit of the doubt the corpus's gaps would deny them.
      const clears = score - model.threshold + (CUE_FORMS.has(w) ? LEXICON_MARGIN : 0);
      if (clears <= floor) continue;
      cues.push(verbCue(view, si, i, s.firstToken, clears));
    }
  });
  return cues;
}

/** Slots of a model's memo of candidate contexts (a power of two); filled to three quarters, it starts again. */
const MEMO_SLOTS = 1 << 16;

/** Scores of candidate contexts under one model, by a 64-bit key (two lanes), in an open-addressing table. */
class ContextMemo {
  private readonly keys = new Int32Array(2 * MEMO_SLOTS);
  private readonly used = new Uint8Array(MEMO_SLOTS);
  private readonly scores = new Float64Array(MEMO_SLOTS);
  private count = 0;

  /** The slot holding key (a, b), or -1 - the empty slot where it would go. */
  find(a: number, b: number): number {
    for (let s = a & (MEMO_SLOTS - 1); ; s = (s + 1) & (MEMO_SLOTS - 1)) {
      if (!this.used[s]) return -1 - s;
      if (this.keys[2 * s] === a && this.keys[2 * s + 1] === b) return s;
    }
  }

  score(slot: number): number {
    return this.scores[slot]!;
  }

  /** Remembers a score at the empty slot `find` named (after a clear, wherever the key now goes). */
  put(empty: number, a: number, b: number, score: number): void {
    if (this.count >= (MEMO_SLOTS * 3) >> 2) {
      this.used.fill(0);
      this.count = 0;
      empty = -1 - this.find(a, b);
    }
    this.used[empty] = 1;
    this.keys[2 * empty] = a;
    this.keys[2 * empty + 1] = b;
    this.scores[empty] = score;
    this.count++;
  }
}

const memos = new WeakMap<CueModel, ContextMemo>();

/** Two 32-bit hash lanes per token of its kind and text, for memo keys: `hashes[2 * i]`, `hashes[2 * i + 1]`. */
function tokenHashes(tokens: readonly Token[]): Int32Array {
  const out = new Int32Array(2 * tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let a = Math.imul(0x811c9dc5 ^ t.kind.charCodeAt(0), 0x01000193);
    let b = Math.imul(0x2545f491 ^ t.kind.charCodeAt(0), 0x5bd1e995);
    const x = t.text;
    for (let k = 0; k < x.length; k++) {
      const c = x.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    out[2 * i] = Math.imul(a ^ x.length, 0x85ebca6b);
    out[2 * i + 1] = Math.imul(b ^ x.length, 0xc2b2ae35);
  }
  return out;
}

/** Bound once, not read through the module's export at each call (see features.ts). */
const mix = murmurStep;

/**
 * The model's score of the candidate at `i`, remembered by everything `cueFeatures` reads: the tokens from seven before
 * to four after it (text and kind, or which sentence edge lies there), whether the candidate and its sentence are quoted.
 * "he said ." recurs in every article and is scored once. The key is a 64-bit hash of those facts (`hashes` from
 * `tokenHashes`), so no key string is built.
 */
function contextScore(model: CueModel, tokens: readonly Token[], view: TokenView, hashes: Int32Array, i: number, first: number, end: number, sq: string): number {
  let memo = memos.get(model);
  if (!memo) { memo = new ContextMemo(); memos.set(model, memo); }
  const flags = (view.quoteOf[i]! >= 0 ? 1 : 0) | (sq === 'in' ? 2 : 0);
  let a = mix(0x3c6ef372, flags), b = mix(0x1b873593, flags ^ 0x5bd1e995);
  for (let k = i - 7; k <= i + 4; k++) {
    if (k < first) { a = mix(a, 1); b = mix(b, 1); } else if (k >= end) { a = mix(a, 2); b = mix(b, 2); } else { a = mix(a, hashes[2 * k]!); b = mix(b, hashes[2 * k + 1]!); }
  }
  const slot = memo.find(a, b);
  if (slot >= 0) return memo.score(slot);
  const score = scoreCueAt(model, tokens, view, i, first, end, sq);
  memo.put(-1 - slot, a, b, score);
  return score;
}

/**
 * Rules the model cannot learn from PolNeAR alone: titles in quotation marks, idioms ("all told", "let's say"), nouns
 * after determiners ("the claims") unless a that-clause says what they report ("Trump’s claim that …").
 */
function plausible(ctx: TextContext, view: TokenView, i: number, first: number): boolean {
  const w = view.lower[i]!;
  const prev = i > first ? view.lower[i - 1]! : '';
  if (preceded(view.lower, i, first, NOT_CUE_AFTER.get(w) ?? []) || NOT_CUE_BEFORE.get(w)?.has(view.lower[i + 1] ?? '')) return false;
  // "Tell that to the janitor", "Now tell us …": a bare verb opening its sentence is an imperative (1 of 55 on PolNeAR train).
  if (CUE_FORMS.get(w)?.lemma === w && opensSentence(view, ctx.tokens, i, first)) return false;
  // "than, say, the Democratic Party": a parenthetical "say" offers an example.
  if (w === 'say' && prev === ',' && view.lower[i + 1] === ',') return false;
  // "He Said, She Said": a capitalised cue inside a quotation is part of a title.
  if (i > first && view.quoteOf[i]! >= 0 && CAPITAL_START.test(ctx.tokens[i]!.text) && view.quotes[view.quoteOf[i]!]!.first !== i - 1) return false;
  if (NOUN_FORMS.has(w) && (DETERMINERS.has(prev) || prev === '’s' || prev === "'s") && view.lower[i + 1] !== 'that') return false;
  return true;
}

/** Words that may stand before an imperative without making it a clause of its own: "Now tell us", "Please ask". */
const IMPERATIVE_OPENERS = new Set(['now', 'please', 'just', 'so', 'then', 'and', 'but']);

/** Whether only punctuation and `IMPERATIVE_OPENERS` come before token `i` in its sentence. */
function opensSentence(view: TokenView, tokens: readonly Token[], i: number, first: number): boolean {
  for (let k = i - 1; k >= first; k--) if (tokens[k]!.kind !== 'punct' && !IMPERATIVE_OPENERS.has(view.lower[k]!)) return false;
  return true;
}

function verbCue(view: TokenView, sentence: number, head: number, sentenceFirst: number, score: number): Cue {
  const w = view.lower[head]!;
  const lex = CUE_FORMS.get(w);
  // Take in auxiliaries and a negation to the left: "has not commented", "did not say".
  let first = head, negated = false;
  for (let k = head - 1; k >= sentenceFirst && head - k <= 3 && CUE_AUXILIARIES.has(view.lower[k]!); k--) {
    if (isNegation(view.lower[k]!)) negated = true;
    first = k;
  }
  const lemma = lex?.lemma ?? w;
  let stance: Stance = lex?.stance ?? 'other';
  if (negated) stance = NO_COMMENT_WHEN_NEGATED.has(lemma) ? 'no-comment' : stance === 'deny' ? 'other' : stance;
  if (!negated) first = head;
  return { sentence, first, end: head + 1, head, lemma, stance, negated, frame: 'verb', score };
}
