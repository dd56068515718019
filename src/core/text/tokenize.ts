import type { Span, Token } from '../types';
import { ABBREVIATIONS } from './abbreviations';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const SYMBOL = /[\p{S}]/u;
const ONE_CAPITAL = /^\p{Lu}$/u;

/*
 * A news tokenizer with offsets. Each alternative of TOKEN is linear (no nested quantifiers over
 * overlapping classes), so a megabyte of punctuation or one endless line costs linear time.
 * Order matters: URLs and handles before words, dotted initialisms ("U.S.") before plain words.
 */
const TOKEN = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>"“”‘’()\[\]]+)`,
    String.raw`([@#][\p{L}\p{N}_]{1,50})`,
    String.raw`(\p{Nd}+(?:[.,:/]\p{Nd}+)*(?:st|nd|rd|th|s|m|bn|km|kg|%)?(?![\p{L}\p{Nd}]))`,
    // The lower-case form is bounded: unbounded, "a.a.a.…a.!" failed its lookahead only after rescanning the whole
    // run from every letter (quadratic; found by the ReDoS test). No initialism has more than twelve letters.
    String.raw`((?:\p{Lu}\.){2,}|(?:\p{L}\.){2,12}(?=[\s,;:)]|$))`,
    String.raw`(['’][sS](?![\p{L}\p{M}\p{Nd}]))`,
    String.raw`([\p{L}\p{M}\p{Nd}]+(?:[-'’&][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`(\.{2,3}|-{2,3}|''|…|[–—]|[“”‘’"'«»]|[^\s\p{L}\p{M}\p{Nd}])`,
  ].join('|'),
  'gu',
);
/** One capture group per kind, in this order (numbered groups: a named-groups object per token costs the GC). */
const G_URL = 1, G_HANDLE = 2, G_NUMBER = 3, G_INITIALISM = 4, G_POSSESSIVE = 5, G_WORD = 6;

const POSSESSIVE = /['’][sS]$/;
const CONTRACTION = /(?:n['’]t|['’](?:re|ve|ll|d|m))$/i;

/**
 * The kind of a one-character ASCII punctuation token that no other alternative of TOKEN can start ("," ")" "$"),
 * or undefined: "." "-" "'" "@" "#" may begin something longer and go through TOKEN.
 */
const ASCII_PUNCT: (Token['kind'] | undefined)[] = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (c <= 32 || c === 127 || /[\p{L}\p{Nd}.\-'@#]/u.test(ch)) return undefined;
  return /\p{S}/u.test(ch) ? 'symbol' : 'punct';
});

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Splits news text into tokens with UTF-16 offsets, keeping news abbreviations whole:
 * "Maj. Gen. Oded Basiuk", "U.S.", "Syria’s" (-> "Syria", "’s"), "@USTreasury", "1,000"; two apostrophes are one
 * quotation mark, as the New York Times archive writes them: "''This isn't tax reform,'' said …".
 * TOKEN is the definition; plain ASCII words and punctuation, which TOKEN would match the same way, are taken without
 * it (`fast` false, for tests, sends everything through TOKEN).
 */
export function tokenize(text: string, fast = true): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fast) {
      if (c === 32 || c === 10 || c === 13 || c === 9) { i++; continue; }
      // A word of ASCII letters and digits ending in ASCII that cannot extend it ("," " " ")"), not "J." or "www.x".
      if (((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && text.charCodeAt(i + 1) !== 46 && !text.startsWith('http', i) && !text.startsWith('www.', i)) {
        let j = i + 1;
        while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
        const d = j < n ? text.charCodeAt(j) : 32;
        if (d < 128 && d !== 45 && d !== 39 && d !== 38 && d !== 46) {
          tokens.push(token(text, i, j, 'word'));
          i = j;
          continue;
        }
      } else if (c < 128 && ASCII_PUNCT[c] !== undefined) {
        tokens.push(token(text, i, i + 1, ASCII_PUNCT[c]!));
        i++;
        continue;
      }
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (m === null) break;
    const start = m.index;
    const value = m[0];
    i = start + value.length;
    if (m[G_URL] !== undefined) {
      const trimmed = value.replace(/[.,;:!?]+$/, '');
      tokens.push(token(text, start, start + trimmed.length, 'url'));
      i = start + trimmed.length;
    } else if (m[G_HANDLE] !== undefined) {
      tokens.push(token(text, start, i, 'handle'));
    } else if (m[G_NUMBER] !== undefined) {
      tokens.push(token(text, start, i, 'number'));
    } else if (m[G_INITIALISM] !== undefined || m[G_POSSESSIVE] !== undefined) {
      tokens.push(token(text, start, i, 'word'));
    } else if (m[G_WORD] !== undefined) {
      i = pushWord(text, start, value, tokens);
    } else {
      tokens.push(token(text, start, i, SYMBOL.test(value) ? 'symbol' : 'punct'));
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
  if (text.charCodeAt(end) === 46 /* . */ && (isAbbreviation(value) || ONE_CAPITAL.test(value))) end++;
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

/** The index of the first token ending after `offset` (the one holding it, or the next): binary search, tokens in order. */
export function tokenAfter(tokens: readonly Span[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.end <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The index of the token starting exactly at `offset`, or -1: "said" in "he said" starts at 3. */
export function tokenStartingAt(tokens: readonly Span[], offset: number): number {
  const k = tokenAfter(tokens, offset);
  return tokens[k]?.start === offset ? k : -1;
}

/** Whether `[start, end)` begins where a token begins and ends where a token ends. */
export function onTokenBounds(tokens: readonly Span[], start: number, end: number): boolean {
  return tokenStartingAt(tokens, start) >= 0 && end > 0 && tokens[tokenAfter(tokens, end - 1)]?.end === end;
}
