import type { Sentence, Token } from '../types';
import { TITLE_ABBREVIATIONS } from './abbreviations';

/* Regular expressions used per token live here: esbuild rewrites a \p{…} literal into `new RegExp(…)`, built each time it is evaluated. */
const LOWER_START = /^\p{Ll}/u;
const ONE_CAPITAL = /^\p{Lu}$/u;

const TERMINAL = new Set(['.', '!', '?', '…', '...', '..']);
const BRACKETS = new Set([')', ']']);
const CLOSERS = new Set(['"', "''", '”', '’', "'", ')', ']', '»']);
/** Words that start sentences far more often than they continue a name: "in the U.S. The talks…". */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'But', 'And', 'In', 'On',
  'At', 'For', 'If', 'When', 'While', 'After', 'Before', 'Meanwhile', 'However', 'His', 'Her', 'Their', 'Its', 'There',
  'According', 'Since', 'As', 'Earlier', 'Later', 'Last', 'Officials', 'Sources',
]);

/**
 * Splits tokens into sentences. A line break always ends one (news paragraphs and headlines);
 * a period ends one unless it belongs to a title ("Maj. Gen."), an initial ("J. Smith") or an
 * initialism followed by a name ("U.S. President"), e.g. "… in Riyadh. According to the White House, …".
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (endToken: number): void => {
    if (endToken <= first) return;
    const a = tokens[first];
    const b = tokens[endToken - 1];
    if (a && b) sentences.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), firstToken: first, endToken });
    first = endToken;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (next && hasLineBreak(text, tok.end, next.start)) {
      close(i + 1);
      continue;
    }
    if (!next) break;
    // "Sen. Claire McCaskill (D-Mo.) said": a bracket closing after the period hides what the sentence goes on with.
    let after = i + 1;
    while (after + 1 < tokens.length && BRACKETS.has(tokens[after]!.text) && !hasLineBreak(text, tokens[after]!.end, tokens[after + 1]!.start)) after++;
    if (!endsSentence(tok, tokens[after]!, text)) continue;
    // Keep closing quotes and brackets with the sentence they close: …control.” Next
    let end = i + 1;
    while (end < tokens.length && closes(tokens[end - 1]!, tokens[end]!)) end++;
    i = end - 1;
    close(end);
  }
  close(tokens.length);
  return sentences;
}

function endsSentence(tok: Token, next: Token, text: string): boolean {
  if (TERMINAL.has(tok.text)) {
    // Lowercase text after the period continues the sentence ("3 p.m. local time", "Amazon.com",
    // "command:workbench.action.quit"); a capital or more punctuation ends it, even glued ("year.The", "Syria.…").
    return !LOWER_START.test(next.text);
  }
  if (!tok.text.endsWith('.') || tok.text.length < 2) return false;
  // A word token carrying its period: a title never ends a sentence, an initialism may.
  const bare = tok.text.slice(0, -1);
  if (TITLE_ABBREVIATIONS.has(bare) || ONE_CAPITAL.test(bare)) return false;
  if (next.start === tok.end) return false;
  return SENTENCE_STARTERS.has(next.text) || next.text === "''" || /^["“]/.test(text.slice(next.start, next.start + 1));
}

/**
 * A quotation mark or bracket right after the period closes the sentence (…control.” / …no."); a straight
 * quote after a space opens the next one (…opened. "We will…).
 */
function closes(prev: Token, tok: Token): boolean {
  if (!CLOSERS.has(tok.text)) return false;
  if (tok.start === prev.end) return true;
  return tok.text !== '"' && tok.text !== "'" && tok.text !== "''";
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
