import type { Sentence, Token } from '../types';

/** What every detector reads: the text, its tokens and sentences, and the article's dateline date. */
export interface TextContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** ISO date of the dateline ("2025-05-16"), the anchor for "Friday" or "earlier today". */
  readonly published: string | null;
}
