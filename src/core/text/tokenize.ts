import type { Token } from '../types';
import { ABBREVIATIONS } from './abbreviations';

/*
 * A news tokenizer with offsets. Each alternative of TOKEN is linear (no nested quantifiers over
 * overlapping classes), so a megabyte of punctuation or one endless line costs linear time.
 * Order matters: URLs and handles before words, dotted initialisms ("U.S.") before plain words.
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"“”‘’()\[\]]+)`,
    String.raw`(?<handle>[@#][\p{L}\p{N}_]{1,50})`,
    String.raw`(?<number>\p{Nd}+(?:[.,:/]\p{Nd}+)*(?:st|nd|rd|th|s|m|bn|km|kg|%)?(?![\p{L}\p{Nd}]))`,
    // The lower-case form is bounded: unbounded, "a.a.a.…a.!" failed its lookahead only after rescanning the whole
    // run from every letter (quadratic; found by the ReDoS test). No initialism has more than twelve letters.
    String.raw`(?<initialism>(?:\p{Lu}\.){2,}|(?:\p{L}\.){2,12}(?=[\s,;:)]|$))`,
    String.raw`(?<possessive>['’][sS](?![\p{L}\p{M}\p{Nd}]))`,
    String.raw`(?<word>[\p{L}\p{M}\p{Nd}]+(?:[-'’&][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`(?<punct>\.{2,3}|-{2,3}|''|…|[–—]|[“”‘’"'«»]|[^\s\p{L}\p{M}\p{Nd}])`,
  ].join('|'),
  'gu',
);

const POSSESSIVE = /['’][sS]$/;
const CONTRACTION = /(?:n['’]t|['’](?:re|ve|ll|d|m))$/i;

/**
 * Splits news text into tokens with UTF-16 offsets, keeping news abbreviations whole:
 * "Maj. Gen. Oded Basiuk", "U.S.", "Syria’s" (-> "Syria", "’s"), "@USTreasury", "1,000"; two apostrophes are one
 * quotation mark, as the New York Times archive writes them: "''This isn't tax reform,'' said …".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const value = m[0];
    if (g.url !== undefined) {
      const trimmed = value.replace(/[.,;:!?]+$/, '');
      tokens.push(token(text, start, start + trimmed.length, 'url'));
      TOKEN.lastIndex = start + trimmed.length;
    } else if (g.handle !== undefined) {
      tokens.push(token(text, start, start + value.length, 'handle'));
    } else if (g.number !== undefined) {
      tokens.push(token(text, start, start + value.length, 'number'));
    } else if (g.initialism !== undefined) {
      tokens.push(token(text, start, start + value.length, 'word'));
    } else if (g.possessive !== undefined) {
      tokens.push(token(text, start, start + value.length, 'word'));
    } else if (g.word !== undefined) {
      TOKEN.lastIndex = pushWord(text, start, value, tokens);
    } else {
      tokens.push(token(text, start, start + value.length, /[\p{S}]/u.test(value) ? 'symbol' : 'punct'));
    }
  }
  return tokens;
}

/** Pushes one word (or a word and its clitic) and returns where scanning resumes. */
function pushWord(text: string, start: number, value: string, tokens: Token[]): number {
  let end = start + value.length;
  // "Syria’s" -> "Syria" + "’s"; "don't" -> "do" + "n't" (as CoNLL and PolNeAR tokenise them).
  const split = POSSESSIVE.exec(value) ?? CONTRACTION.exec(value);
  if (split && split.index > 0) {
    tokens.push(token(text, start, start + split.index, 'word'));
    tokens.push(token(text, start + split.index, end, 'word'));
    return end;
  }
  // A known abbreviation ("Maj.", "Gen.", "Sen.") or a single initial ("J.") keeps its period.
  if (text.charCodeAt(end) === 46 /* . */ && (isAbbreviation(value) || /^\p{Lu}$/u.test(value))) end++;
  tokens.push(token(text, start, end, 'word'));
  return end;
}

/** True for abbreviations that take a period in news copy: "Gen", "Sen", "Corp", "Sept". */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.toLowerCase());
}

function token(text: string, start: number, end: number, kind: Token['kind']): Token {
  return { start, end, text: text.slice(start, end), kind };
}
